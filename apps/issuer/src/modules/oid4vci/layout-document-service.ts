import type { PaperCardPrinter } from '../ports.js';
import { type WalletProofDeps, withWalletProof } from './verify-wallet-proof.js';

/**
 * A wallet's signed layout document (证照版式文件) of its holder's e-ID, for a proof of its device
 * key: the same signed PDF the counter prints for people without a phone (a paper credential with
 * its own revocable status entry in the QR and the attachment). The wallet hands it to an agency
 * with a consented release (apps/share); it is not kept by the issuer.
 */
export function createLayoutDocumentService(deps: WalletProofDeps & { readonly paperCards: PaperCardPrinter }) {
  return {
    async layoutDocument(input: { walletId: string; proof: string }) {
      const person = await withWalletProof(deps, input, async (found) => found);
      return deps.paperCards.print(person.personId, 'paper_basic');
    },
  };
}
