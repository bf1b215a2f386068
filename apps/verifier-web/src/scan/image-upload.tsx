import { type ChangeEvent, useRef } from 'react';
import { useTranslator } from '../i18n/locale-context.js';
import { sharedQrDecoder } from './create-qr-decoder.js';

export interface ImageUploadProps {
  /** A code was found in the image. */
  readonly onScan: (text: string) => void;
  /** No code in the image (`none`) or the file is not an image the browser can decode. */
  readonly onUnreadable: (why: 'none' | 'unreadable') => void;
}

/** Largest side an uploaded image is scaled to before jsqr (phone photos are 4000 px and more). */
const MAX_IMAGE_SIDE = 1600;

/** Reads a QR code from a picture file (a screenshot sent by the holder, a photo of a paper QR). */
export function ImageUpload({ onScan, onUnreadable }: ImageUploadProps) {
  const { t } = useTranslator();
  const inputRef = useRef<HTMLInputElement>(null);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      onUnreadable('unreadable');
      return;
    } finally {
      // The same file may be chosen again (a second attempt after the holder refreshed it).
      if (inputRef.current) inputRef.current.value = '';
    }
    try {
      const text = await sharedQrDecoder().decode(bitmap, bitmap.width, bitmap.height, {
        maxSide: MAX_IMAGE_SIDE,
        inversion: 'attemptBoth',
      });
      if (text) onScan(text);
      else onUnreadable('none');
    } finally {
      bitmap.close();
    }
  };

  return (
    <div className="upload">
      <label htmlFor="qr-image">{t('scan.upload.label')}</label>
      <input ref={inputRef} id="qr-image" type="file" accept="image/*" onChange={(event) => void onChange(event)} />
    </div>
  );
}
