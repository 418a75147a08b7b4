// Charts into a Slack channel with the three documented calls: files.getUploadURLExternal →
// POST the bytes to the upload URL → files.completeUploadExternal, through the WebClient's apiCall
// (so its token, base URL, retries and rate-limit handling apply).
//
// Why not files.uploadV2: @slack/web-api sends `alt_text` to getUploadURLExternal, an argument the
// method reference does not have (it documents `alt_txt`); and open reports say alt text on that
// call can make the file upload but silently never be shared into the channel
// (slackapi/python-slack-sdk#1818, #1575). So no alt text goes there: the description travels as
// the file's title and in the message's own context block (blocks.ts).
import type { WebClient } from '@slack/web-api';
import type { ImageAttachment } from '../../core/reply.ts';

/** files.completeUploadExternal: a title is at most 255 characters (we keep 250 for safety). */
const TITLE_MAX = 250;

interface UploadUrl {
  upload_url: string;
  file_id: string;
}

/** Thrown when the upload URL refuses the bytes (it is not a Web API method, so no `data.error`). */
export class UploadBytesError extends Error {}

export async function uploadFiles(client: WebClient, channelId: string, images: readonly ImageAttachment[]): Promise<void> {
  if (images.length === 0) return;
  const files: { id: string; title: string }[] = [];
  for (const img of images) {
    const data = Buffer.from(img.data);
    const url = (await client.apiCall('files.getUploadURLExternal', { filename: img.filename, length: data.length })) as unknown as UploadUrl;
    const res = await fetch(url.upload_url, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token ?? ''}`, 'content-type': 'application/octet-stream' },
      body: data,
    });
    await res.arrayBuffer();
    if (!res.ok) throw new UploadBytesError(`upload of ${img.filename} failed with HTTP ${res.status}`);
    files.push({ id: url.file_id, title: img.alt.slice(0, TITLE_MAX) });
  }
  await client.apiCall('files.completeUploadExternal', { channel_id: channelId, files });
}
