import { useTranslator } from '../i18n/locale-context.js';
import type { ScanOutcome } from './decide-verdict.js';
import { paperMarkerOf } from './paper-marker.js';

/**
 * The paper-credential marker under the verdict (ADR 0010): 纸质凭证 in bold and what the clerk
 * must compare, since no phone vouched for the holder. Renders nothing for other presentations.
 */
export function PaperBadge({ outcome }: { readonly outcome: ScanOutcome }) {
  const { t } = useTranslator();
  const marker = paperMarkerOf(outcome);
  if (!marker) return null;
  return (
    <p className="paper-marker warning" id="paper-marker" data-presentation="paper" role="note">
      <strong>{t(marker.badge)}</strong>
      {marker.instruction && ` · ${t(marker.instruction)}`}
    </p>
  );
}
