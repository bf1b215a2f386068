/** The login page's style sheet (served as /login.css): large text, high contrast, no web fonts. */
export const LOGIN_PAGE_CSS = `
:root { font-size: 20px; color: #111; background: #fff; }
body { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; line-height: 1.6; margin: 0 auto; max-width: 46rem; padding: 1rem; }
header { display: flex; justify-content: space-between; align-items: baseline; flex-wrap: wrap; gap: 0.5rem; border-bottom: 4px solid #b00000; margin-bottom: 1rem; }
header p { margin: 0; color: #333; }
h1 { font-size: 1.7rem; margin: 0.2rem 0; } h2 { font-size: 1.3rem; margin: 0.4rem 0; }
section { border: 2px solid #888; border-radius: 8px; padding: 0.8rem 1rem; margin-bottom: 1rem; }
.qr { display: block; width: 16rem; height: 16rem; max-width: 100%; margin: 0.6rem auto; image-rendering: pixelated; background: #fff; }
.button { display: inline-block; background: #b00000; color: #fff; border: 0; border-radius: 6px; padding: 0.6rem 1.2rem; min-height: 2.8rem; font-size: 1.1rem; text-decoration: none; cursor: pointer; }
.button.secondary { background: #444; }
.button:focus, a:focus, button:focus { outline: 4px solid #f0a000; outline-offset: 3px; }
#status { min-height: 1.8rem; font-weight: 700; font-size: 1.1rem; } .error { color: #a00000; }
.welcome { font-size: 1.6rem; font-weight: 700; }
.note { color: #333; }
[hidden] { display: none !important; }
`;
