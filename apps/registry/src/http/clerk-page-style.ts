/** The clerk page's style sheet (served as /clerk.css): large text, high contrast, no web fonts. */
export const CLERK_PAGE_CSS = `
:root { font-size: 20px; color: #111; background: #fff; }
body { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; line-height: 1.6; margin: 0 auto; max-width: 60rem; padding: 1rem; }
header { display: flex; justify-content: space-between; align-items: baseline; flex-wrap: wrap; border-bottom: 3px solid #8b0000; margin-bottom: 1rem; }
h1 { font-size: 1.6rem; margin: 0.2rem 0; } h2 { font-size: 1.25rem; margin: 1.2rem 0 0.4rem; } h3 { font-size: 1.1rem; margin: 0.6rem 0 0.2rem; }
section { border: 1px solid #999; border-radius: 6px; padding: 0.6rem 1rem; margin-bottom: 1rem; }
label { display: block; font-weight: 600; margin-top: 0.4rem; }
input, select, button { font-size: 1rem; padding: 0.45rem 0.6rem; min-height: 2.6rem; }
input[type=text], input[type=password], select { width: 100%; max-width: 32rem; box-sizing: border-box; }
button { background: #8b0000; color: #fff; border: 0; border-radius: 4px; cursor: pointer; margin: 0.4rem 0.4rem 0 0; }
button.secondary { background: #444; }
button:focus, input:focus, select:focus, a:focus { outline: 3px solid #f0a000; outline-offset: 2px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
.state { font-weight: 700; } .state-valid { color: #064; } .state-lost { color: #a60; } .state-cancelled, .state-none { color: #600; }
#message { min-height: 1.6rem; font-weight: 600; } .error { color: #a00; }
.actions { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0.6rem 1.2rem; }
.code { font-size: 2rem; letter-spacing: 0.3rem; font-family: ui-monospace, monospace; }
img.portrait { max-width: 8rem; border: 1px solid #999; }
[hidden] { display: none !important; }
`;
