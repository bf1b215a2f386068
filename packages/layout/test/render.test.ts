import { getCredentialType, LONG_TERM_EXPIRY_DATE, RESIDENT_ID_TYPE_ID } from '@zhengzhao/core';
import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayRows, renderLayoutDocument, signLayoutDocument } from '../src/index.js';
import { readDrawnQr } from '../src/validate/read-drawn-qr.js';
import { readEmbeddedCredential } from '../src/validate/read-embedded-credential.js';
import {
  createLayoutFixture,
  type LayoutFixture,
  latin1,
  NOW,
  outcome,
  platform,
  render,
  TYPE,
  validate,
} from './layout-fixture.js';

let fixture: LayoutFixture;
beforeAll(async () => {
  fixture = await createLayoutFixture('ES256');
}, 60_000);

/** A small grey JPEG portrait (96 × 120). */
function portrait(): Uint8Array {
  const width = 96;
  const height = 120;
  const data = Buffer.alloc(width * height * 4, 0x90);
  return new Uint8Array(jpeg.encode({ data, width, height }, 40).data);
}

describe('renderLayoutDocument', () => {
  it('is deterministic for a fixed input and now, and dates the PDF with now', async () => {
    const again = await render(fixture.claims, fixture.credential);
    expect(Buffer.compare(again, fixture.rendered)).toBe(0);
    const doc = await PDFDocument.load(again, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe(NOW.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(NOW.toISOString());
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  });

  it('embeds a subset of Noto Sans SC, not the 10 MB font', () => {
    expect(latin1(fixture.rendered)).toContain('/BaseFont /ZZLAYT+NotoSansSC-Regular');
    expect(fixture.rendered.length).toBeLessThan(200_000);
  });

  it('embeds the credential as credential.txt and draws it as a QR code that decodes back', async () => {
    const doc = await PDFDocument.load(fixture.rendered, { updateMetadata: false });
    expect(readEmbeddedCredential(doc)).toEqual({ name: 'credential.txt', credential: fixture.credential });
    // with another expected text the drawn squares are rasterised and decoded by jsQR
    expect(readDrawnQr(doc, 'something else')).toEqual({ present: true, text: fixture.credential });
    expect(readDrawnQr(doc, fixture.credential)).toEqual({ present: true, text: fixture.credential });
  });

  it('draws the portrait when the claims carry one, and the result validates', async () => {
    const withPortrait = await render({ ...fixture.claims, portrait: portrait() }, fixture.credential);
    expect(latin1(withPortrait)).toContain('/Subtype /Image');
    expect(latin1(fixture.rendered)).not.toContain('/Subtype /Image');
    const signed = await signLayoutDocument(withPortrait, fixture.signer, { platform, now: NOW });
    expect(outcome(await validate(fixture, signed))).toBe('ok');
  });

  it('refuses a credential no QR code can hold, an unknown type and invalid claims', async () => {
    await expect(render(fixture.claims, 'A'.repeat(5000))).rejects.toMatchObject({ code: 'ERR_INPUT_TOO_LARGE' });
    await expect(render(fixture.claims, '')).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
    await expect(
      renderLayoutDocument({
        typeId: 'org.example.unknown',
        claims: fixture.claims,
        credential: fixture.credential,
        issuerName: 'x',
        documentNumber: '1',
        issuedAt: NOW,
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: 'ERR_CATALOG_UNKNOWN_TYPE' });
    await expect(render({ ...fixture.claims, sex: 7 }, fixture.credential)).rejects.toMatchObject({
      code: 'ERR_CATALOG_SCHEMA',
    });
  });
});

describe('displayRows', () => {
  it('labels rows with the catalog names and spells out codes, skipping bytes and derived elements', () => {
    const rows = displayRows(getCredentialType(RESIDENT_ID_TYPE_ID), {
      ...fixture.claims,
      portrait: portrait(),
      expiry_date: LONG_TERM_EXPIRY_DATE,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get('full_name')?.label).toEqual({ 'zh-CN': '姓名', en: 'Full name' });
    expect(byId.get('sex')?.value).toBe('女 Female');
    expect(byId.get('ethnicity')?.value).toBe('汉族 Han');
    expect(byId.get('expiry_date')?.value).toBe('长期 Long-term');
    expect(byId.has('portrait')).toBe(false);
    expect(byId.has('age_over_18')).toBe(false);
    expect(rows.map((row) => row.id)).toEqual(
      getCredentialType(TYPE)
        .elements.map((element) => element.id)
        .filter((id) => byId.has(id)),
    );
  });
});

describe('signLayoutDocument', () => {
  it('refuses a key that does not match the certificate, and bytes that are not a PDF', async () => {
    const other = fixture.authority.variants.untrustedDocumentSigner;
    await expect(
      signLayoutDocument(
        fixture.rendered,
        { signer: other.signer, certificateChain: fixture.authority.chain },
        { platform, now: NOW },
      ),
    ).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
    await expect(
      signLayoutDocument(new TextEncoder().encode('not a pdf'), fixture.signer, { platform, now: NOW }),
    ).rejects.toMatchObject({ code: 'ERR_PDF_MALFORMED' });
  });
});
