import type { Route } from '../app/use-route.js';
import { Icon, type IconName } from '../components/icon.js';
import { Screen } from '../components/screen.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useWallet } from '../wallet/wallet-context.js';

/** The three ways to present, each with one line on when to use it. */
export function PresentScreen({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useI18n();
  const { config } = useWallet();
  const options: { route: Route; title: string; hint: string; icon: IconName; enabled: boolean }[] = [
    { route: { name: 'qr' }, title: t.presentQr, hint: t.presentQrHint, icon: 'qr', enabled: true },
    {
      route: { name: 'proximity' },
      title: t.presentProximity,
      hint: t.presentProximityHint,
      icon: 'nearby',
      enabled: config.relayUrl !== undefined,
    },
    { route: { name: 'online' }, title: t.presentOnline, hint: t.presentOnlineHint, icon: 'globe', enabled: true },
    {
      route: { name: 'share' },
      title: t.presentShare,
      hint: t.presentShareHint,
      icon: 'log',
      enabled: config.shareUrl !== undefined,
    },
  ];
  return (
    <Screen title={t.presentTitle} testId="present-screen">
      <p className="lead">{t.presentIntro}</p>
      <ul className="option-list">
        {options
          .filter((option) => option.enabled)
          .map((option) => (
            <li key={option.route.name}>
              <button type="button" className="option" onClick={() => navigate(option.route)}>
                <span className="option-icon">
                  <Icon name={option.icon} size={36} />
                </span>
                <span className="option-text">
                  <strong>{option.title}</strong>
                  <span className="muted">{option.hint}</span>
                </span>
              </button>
            </li>
          ))}
      </ul>
    </Screen>
  );
}
