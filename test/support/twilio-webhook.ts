import twilio from "twilio";

/** POSTs a Twilio-style form to the app, signed as Twilio would sign it for `publicUrl`. */
export async function postSignedTwilioForm(
  localUrl: string,
  publicUrl: string,
  authToken: string,
  params: Record<string, string>,
  options: { signature?: string } = {},
): Promise<Response> {
  const signature = options.signature ?? twilio.getExpectedTwilioSignature(authToken, publicUrl, params);
  return fetch(localUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    body: new URLSearchParams(params),
  });
}
