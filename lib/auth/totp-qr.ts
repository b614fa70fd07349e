import "server-only";
import QRCode from "qrcode";

/** The enrolment QR code as inline SVG, drawn on our server: the secret never goes to an image service. */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
