import jsQRModule from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

type JsQr = typeof jsQRModule.default;

/**
 * jsqr is CommonJS with `exports.default`: TypeScript (NodeNext) types the default import as the
 * module object, while the bundler's interop hands over the function itself. Accept both.
 */
const jsQR: JsQr =
  typeof jsQRModule === 'function'
    ? (jsQRModule as unknown as JsQr)
    : (jsQRModule as unknown as { default: JsQr }).default;

export interface QrScannerProps {
  /** Called once with the first QR text read; the camera stops then. */
  readonly onResult: (text: string) => void;
  readonly onError: (message: string) => void;
}

/**
 * The back camera (`getUserMedia`, facingMode environment) read a few times a second: each frame
 * is drawn to an offscreen canvas and decoded with jsQR. Stops the camera when unmounted or
 * after the first code. Loaded lazily (jsQR is not in the first screen's bundle).
 */
export default function QrScanner({ onResult, onError }: QrScannerProps) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const report = useRef({ onResult, onError });
  report.current = { onResult, onError };

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const scan = () => {
      const element = video.current;
      if (stopped || !element || !context) return;
      if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
        canvas.width = element.videoWidth;
        canvas.height = element.videoHeight;
        context.drawImage(element, 0, 0);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        if (found?.data) {
          stopped = true;
          report.current.onResult(found.data);
          return;
        }
      }
      timer = setTimeout(scan, 150);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        setReady(true);
        scan();
      })
      .catch(() => report.current.onError(t.cameraDenied));

    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [t.cameraDenied]);

  return (
    <div className="qr-scanner" data-ready={ready}>
      <video ref={video} muted playsInline aria-label={t.cameraLabel} />
      <div className="qr-scanner-frame" aria-hidden="true" />
    </div>
  );
}
