import type { Route, RouteName } from '../app/use-route.js';
import { useI18n } from '../i18n/i18n-context.js';
import { Icon, type IconName } from './icon.js';

const SECTION_OF: Readonly<Record<RouteName, RouteName>> = {
  cards: 'cards',
  receive: 'receive',
  present: 'present',
  qr: 'present',
  proximity: 'present',
  online: 'present',
  share: 'present',
  log: 'log',
  settings: 'settings',
};

/** The five sections, always at the bottom within thumb reach; the current one is `aria-current`. */
export function BottomNav({ route, navigate }: { route: Route; navigate: (route: Route) => void }) {
  const { t } = useI18n();
  const items: { name: RouteName; label: string; icon: IconName }[] = [
    { name: 'cards', label: t.navCards, icon: 'card' },
    { name: 'present', label: t.navPresent, icon: 'qr' },
    { name: 'receive', label: t.navReceive, icon: 'plus' },
    { name: 'log', label: t.navLog, icon: 'log' },
    { name: 'settings', label: t.navSettings, icon: 'settings' },
  ];
  const current = SECTION_OF[route.name];
  return (
    <nav className="bottom-nav" aria-label={t.navLabel}>
      <ul>
        {items.map((item) => (
          <li key={item.name}>
            <a
              href={`#/${item.name}`}
              aria-current={current === item.name ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate({ name: item.name });
              }}
            >
              <Icon name={item.icon} size={26} />
              <span className="nav-label">{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
