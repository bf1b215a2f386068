import { findElement, getCredentialType } from '@zhengzhao/core';
import { useTranslator } from '../i18n/locale-context.js';
import { elementLabel, formatClaimValue } from './format-claim-value.js';

/** Claim ids in catalog order (the order of the card), unknown ones after them. */
function ordered(typeId: string | undefined, claims: Readonly<Record<string, unknown>>): string[] {
  const ids = Object.keys(claims);
  let order: string[] = [];
  try {
    if (typeId) order = getCredentialType(typeId).elements.map((element) => element.id);
  } catch {
    order = [];
  }
  const rank = (id: string) => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  return ids.sort((a, b) => rank(a) - rank(b));
}

/** The disclosed data as a definition list: catalog labels, values as printed on the card. */
export function ClaimsTable({
  typeId,
  claims,
}: {
  readonly typeId: string | undefined;
  readonly claims: Readonly<Record<string, unknown>>;
}) {
  const { t, locale } = useTranslator();
  const rows = ordered(typeId, claims)
    .map((id) => ({ id, label: elementLabel(typeId, id, locale), value: formatClaimValue(id, claims[id], locale) }))
    .filter((row): row is { id: string; label: string; value: string } => row.value !== undefined);
  let sensitive = new Set<string>();
  try {
    if (typeId)
      sensitive = new Set(
        rows.filter((row) => findElement(getCredentialType(typeId), row.id)?.sensitive).map((row) => row.id),
      );
  } catch {
    sensitive = new Set();
  }
  if (rows.length === 0) return <p>{t('result.noData')}</p>;
  return (
    <dl className="claims" id="claims">
      {rows.map((row) => (
        <div key={row.id} className={sensitive.has(row.id) ? 'claim sensitive' : 'claim'} data-element={row.id}>
          <dt>{row.label}</dt>
          <dd lang={row.id === 'full_name' || row.id === 'resident_address' ? 'zh-CN' : undefined}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
