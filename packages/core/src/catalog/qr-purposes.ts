import { ZzError } from '../errors/zz-error.js';
import { RESIDENT_ID_TYPE_ID } from './resident-id-type.js';

/**
 * Purpose sets of the offline QR profile (docs/qr-format.md §3): each names exactly the elements
 * a compact credential for that purpose carries. A verifier learns nothing beyond the set.
 */
export interface QrPurpose {
  readonly id: string;
  readonly typeId: string;
  readonly elements: readonly string[];
  readonly description: string;
}

const HOTEL = [
  'full_name',
  'sex',
  'ethnicity',
  'birth_date',
  'resident_address',
  'id_number',
  'issuing_authority',
  'expiry_date',
] as const;

export const QR_PURPOSES: readonly QrPurpose[] = [
  {
    id: 'hotel',
    typeId: RESIDENT_ID_TYPE_ID,
    elements: HOTEL,
    description: 'Hotel and lodging registration (旅馆住宿登记): the fields the public-security register needs.',
  },
  {
    id: 'hotel_with_portrait',
    typeId: RESIDENT_ID_TYPE_ID,
    elements: [...HOTEL, 'portrait_thumb'],
    description: 'Hotel registration where the clerk compares a face: adds a small portrait thumbnail.',
  },
  {
    id: 'age_over_18',
    typeId: RESIDENT_ID_TYPE_ID,
    elements: ['age_over_18'],
    description: 'Age check (tobacco, alcohol, internet cafés): age_over_18 only, no name, no number.',
  },
  {
    id: 'identity_basic',
    typeId: RESIDENT_ID_TYPE_ID,
    elements: ['full_name', 'id_number'],
    description: 'Name and number only, for registers that record who came (hospital, ticketing).',
  },
];

/** The purpose set `purposeId` of type `typeId`, or `ERR_DOCTYPE_UNEXPECTED`. */
export function getQrPurpose(typeId: string, purposeId: string): QrPurpose {
  const purpose = QR_PURPOSES.find((entry) => entry.id === purposeId && entry.typeId === typeId);
  if (!purpose) throw new ZzError('ERR_DOCTYPE_UNEXPECTED', 'Unknown QR purpose for this credential type');
  return purpose;
}

/**
 * Purpose sets of the **paper** variant (docs/qr-format.md §10, ADR 0010): a printed QR with no
 * device key, for people without a smartphone. A separate list on purpose: the phone path
 * (`getQrPurpose`, `issueQrCredential`, the wallet) never sees these ids, and the paper path never
 * accepts a phone purpose, so a credential is paper only when the issuer signed a paper purpose.
 * No `age_over_*` (a five-year card would state a stale age; `birth_date` gives it) and no address.
 */
const PAPER_BASIC = ['full_name', 'sex', 'birth_date', 'id_number'] as const;

export const PAPER_QR_PURPOSES: readonly QrPurpose[] = [
  {
    id: 'paper_basic',
    typeId: RESIDENT_ID_TYPE_ID,
    elements: PAPER_BASIC,
    description:
      'Printed card, name and number for real-name registers; the clerk compares the holder with the ID card.',
  },
  {
    id: 'paper_with_portrait',
    typeId: RESIDENT_ID_TYPE_ID,
    elements: [...PAPER_BASIC, 'portrait_thumb'],
    description: 'Printed card with a signed portrait thumbnail in the QR: the clerk compares the face on screen.',
  },
];

/** The paper purpose set `purposeId` of type `typeId`, or `ERR_DOCTYPE_UNEXPECTED`. */
export function getPaperQrPurpose(typeId: string, purposeId: string): QrPurpose {
  const purpose = PAPER_QR_PURPOSES.find((entry) => entry.id === purposeId && entry.typeId === typeId);
  if (!purpose) throw new ZzError('ERR_DOCTYPE_UNEXPECTED', 'Unknown paper QR purpose for this credential type');
  return purpose;
}
