// Google Cloud Functions example (Functions Framework): an HTTP function and a CloudEvent function.
import * as ff from '@google-cloud/functions-framework';
import { guard } from '../src/gcp.js';

export const seenEvents: string[] = [];

ff.http('orders', guard((req: ff.Request, res: ff.Response) => {
  const body = req.body as { sku?: string };
  res.status(201).json({ accepted: body.sku });
}, { schemas: { 'POST /': { type: 'object', required: ['sku'] } } }));

ff.cloudEvent('uploads', guard((event: ff.CloudEvent<{ name?: string }>) => {
  seenEvents.push(event.data?.name ?? '');
}));
