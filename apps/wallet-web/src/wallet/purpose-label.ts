import type { Messages } from '../i18n/messages.js';

/** The order purposes are offered in: the most common first. */
export const PURPOSE_ORDER: readonly string[] = ['hotel', 'age_over_18', 'hotel_with_portrait', 'identity_basic'];

/** A purpose id (core `QR_PURPOSES`) as the holder reads it, with a one-line hint. */
export function purposeLabel(id: string, t: Messages): { title: string; hint?: string } {
  switch (id) {
    case 'hotel':
      return { title: t.purposeHotel, hint: t.purposeHotelHint };
    case 'age_over_18':
      return { title: t.purposeAge, hint: t.purposeAgeHint };
    case 'hotel_with_portrait':
      return { title: t.purposeFull, hint: t.purposeFullHint };
    default:
      return { title: t.purposeOther(id) };
  }
}

/** Purposes sorted by {@link PURPOSE_ORDER}, unknown ones last in their given order. */
export function sortPurposes<T extends { id: string }>(purposes: readonly T[]): T[] {
  const rank = (id: string) => {
    const index = PURPOSE_ORDER.indexOf(id);
    return index === -1 ? PURPOSE_ORDER.length : index;
  };
  return [...purposes].sort((a, b) => rank(a.id) - rank(b.id));
}
