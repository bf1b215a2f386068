import { findElement, getCredentialType, RESIDENT_ID_TYPE_ID } from '@zhengzhao/core';
import type { CredentialView } from '@zhengzhao/wallet';
import { useId, useState } from 'react';
import { elementName, typeName } from '../i18n/element-name.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ethnicityLabel, formatBirthDate, formatCardDate, maskIdNumber } from './card-dates.js';
import { Icon } from './icon.js';
import { StatusBadge } from './status-badge.js';

export interface IdCardProps {
  readonly card: CredentialView;
  readonly onPresent?: () => void;
}

/**
 * One credential drawn like the physical resident ID card (GA 490-2013 layout): the portrait
 * side with name, sex, ethnicity, birth date, address, number and photo; the emblem side with the
 * issuing authority and validity. A button flips between them; the hidden side is `inert` so
 * screen readers and Tab only meet the side that is shown. The status badge and copies left sit
 * above the card, in words and colour.
 */
export function IdCard({ card, onPresent }: IdCardProps) {
  const { t, locale, formatDate } = useI18n();
  const [back, setBack] = useState(false);
  const [showNumber, setShowNumber] = useState(false);
  const id = useId();
  const c = card.claims;
  const name = typeName(card.type, locale, card.typeNames);
  const label = (element: string) => elementName(card.type, element, locale);
  const copies = Math.max(card.copies.mdoc, card.copies.sdJwt, ...Object.values(card.copies.qr));
  const sex = c.sex === 1 ? t.sexMale : c.sex === 2 ? t.sexFemale : '';
  const validity =
    c.issueDate && c.expiryDate
      ? `${formatCardDate(c.issueDate, t.longTerm)}-${formatCardDate(c.expiryDate, t.longTerm)}`
      : card.validUntil
        ? formatDate(card.validUntil)
        : '';
  const inactive = card.status.value === 'revoked' || card.status.value === 'suspended';

  return (
    <article
      className={`id-card-block${inactive ? ' is-inactive' : ''}`}
      aria-labelledby={`${id}-title`}
      data-testid="id-card"
      data-credential-id={card.credentialId}
      data-status={card.status.value}
    >
      <div className="id-card-meta">
        <h2 id={`${id}-title`} className="id-card-title">
          {t.cardRegionLabel(name)}
        </h2>
        <StatusBadge value={card.status.value} />
      </div>
      <p className="id-card-sub">
        <span>{t.copiesLeft(copies)}</span>
        {card.status.checkedAt ? (
          <span className="muted"> · {t.statusCheckedAt(formatDate(card.status.checkedAt, true))}</span>
        ) : null}
      </p>

      <div className={`id-card${back ? ' is-flipped' : ''}`}>
        <div className="id-card-face id-card-front" inert={back} aria-hidden={back}>
          <span className="visually-hidden">{t.cardFront}</span>
          <dl className="id-card-fields">
            {card.type === RESIDENT_ID_TYPE_ID ? (
              <>
                <div className="f-name">
                  <dt>{label('full_name')}</dt>
                  <dd className="big">{c.fullName}</dd>
                </div>
                <div className="f-row">
                  <div>
                    <dt>{label('sex')}</dt>
                    <dd>{sex}</dd>
                  </div>
                  <div>
                    <dt>{label('ethnicity')}</dt>
                    <dd>{ethnicityLabel(c.ethnicity, c.ethnicityName, locale)}</dd>
                  </div>
                </div>
                <div>
                  <dt>{t.birthShort}</dt>
                  <dd>{c.birthDate ? formatBirthDate(c.birthDate, locale) : ''}</dd>
                </div>
                <div className="f-address">
                  <dt>{label('resident_address')}</dt>
                  <dd>{c.residentAddress}</dd>
                </div>
                <div className="f-number">
                  <dt>{label('id_number')}</dt>
                  <dd className="mono" data-testid="id-number">
                    {c.idNumber ? (showNumber ? c.idNumber : maskIdNumber(c.idNumber)) : ''}
                  </dd>
                </div>
              </>
            ) : (
              <LicenceFields card={card} label={label} />
            )}
          </dl>
          <div className="id-card-portrait">
            {c.portraitDataUrl ? <img src={c.portraitDataUrl} alt={t.portraitAlt} /> : <Icon name="person" size={48} />}
          </div>
        </div>

        <div className="id-card-face id-card-back" inert={!back} aria-hidden={!back}>
          <span className="visually-hidden">{t.cardBack}</span>
          <div className="id-card-emblem" aria-hidden="true">
            <svg viewBox="0 0 100 100" role="presentation">
              <circle cx="50" cy="50" r="47" fill="#c8102e" stroke="#e8b923" strokeWidth="3" />
              <polygon points={star(36, 44, 17)} fill="#ffd700" />
              <polygon points={star(62, 24, 6)} fill="#ffd700" />
              <polygon points={star(71, 37, 6)} fill="#ffd700" />
              <polygon points={star(71, 53, 6)} fill="#ffd700" />
              <polygon points={star(62, 66, 6)} fill="#ffd700" />
            </svg>
          </div>
          <div className="id-card-back-title">
            <p className="country">{t.cardCountry}</p>
            <p className="doc">{name}</p>
          </div>
          <dl className="id-card-back-fields">
            <div>
              <dt>{label('issuing_authority')}</dt>
              <dd>{c.issuingAuthority ?? card.issuer.name}</dd>
            </div>
            <div>
              <dt>{t.cardValidity}</dt>
              <dd className="mono">{validity}</dd>
            </div>
          </dl>
        </div>
      </div>

      <div className="id-card-actions">
        <button type="button" className="button-secondary" onClick={() => setBack((value) => !value)}>
          {back ? t.flipToFront : t.flipToBack}
        </button>
        {!back && c.idNumber ? (
          <button
            type="button"
            className="button-secondary"
            aria-pressed={showNumber}
            onClick={() => setShowNumber((value) => !value)}
          >
            {showNumber ? t.hideNumber : t.showNumber}
          </button>
        ) : null}
        {onPresent && !inactive ? (
          <button type="button" className="button-primary" onClick={onPresent}>
            {t.presentThisCard}
          </button>
        ) : null}
      </div>
    </article>
  );
}

/** The points of a five-pointed star centred on (cx, cy) with outer radius r, pointing up. */
function star(cx: number, cy: number, r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.382;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`);
  }
  return points.join(' ');
}

/** Sensitive personal information (PIPL art. 28) in the catalog: shown masked on the card. */
function isSensitive(typeId: string, elementId: string): boolean {
  try {
    return findElement(getCredentialType(typeId), elementId)?.sensitive === true;
  } catch {
    return true;
  }
}

/** The first six and last four characters, the rest as stars (as a masked ID number). */
function masked(value: string): string {
  return value.length <= 10
    ? '*'.repeat(value.length)
    : `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** Printed on the emblem side (or not at all) rather than among the holder's data. */
const BACK_SIDE = new Set(['issuing_authority', 'issue_date', 'expiry_date', 'portrait', 'portrait_thumb']);

/**
 * The data side of a licence other than the resident ID (social security card, degree…): the
 * name large, then the card's other text elements with the catalog's names, in catalog order.
 */
function LicenceFields({ card, label }: { card: CredentialView; label: (element: string) => string }) {
  const rows = Object.entries(card.elements).filter(
    ([id, value]) => !BACK_SIDE.has(id) && !(value instanceof Uint8Array) && id !== 'full_name',
  );
  return (
    <>
      {card.claims.fullName ? (
        <div className="f-name">
          <dt>{label('full_name')}</dt>
          <dd className="big">{card.claims.fullName}</dd>
        </div>
      ) : null}
      {rows.slice(0, 6).map(([id, value]) => (
        <div key={id}>
          <dt>{label(id)}</dt>
          <dd className={/number/.test(id) ? 'mono' : undefined}>
            {isSensitive(card.type, id) ? masked(String(value)) : String(value)}
          </dd>
        </div>
      ))}
    </>
  );
}
