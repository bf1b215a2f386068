import { type LostDeviceResult, reportLostDevice } from '@zhengzhao/wallet';

/** The lost-phone report (engine `reportLostDevice`) with the page's own fetch. */
export function reportLostPhone(input: {
  issuerUrl: string;
  cardNumber: string;
  activationCode: string;
}): Promise<LostDeviceResult> {
  return reportLostDevice({ ...input, fetch: (url, init) => fetch(url, init) });
}
