// Azure Functions v4 example: an HTTP trigger and a Storage Queue trigger, guarded. In a Functions app,
// register them with app.http / app.storageQueue as shown in `register`.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';
import { guard } from '../src/azure.js';

export const orders = guard(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  const body = (await request.json()) as { sku?: string };
  context.log(`order for ${body.sku ?? 'unknown'}`);
  return { status: 201, jsonBody: { accepted: body.sku } };
}, { schemas: { http: { type: 'object', required: ['sku'], properties: { sku: { type: 'string', maxLength: 32 } } } } });

export const received: unknown[] = [];
export const auditQueue = guard(async (message: unknown, _context: InvocationContext): Promise<void> => {
  received.push(message);
});

export function register(): void {
  app.http('orders', { methods: ['POST'], authLevel: 'function', handler: orders });
  app.storageQueue('audit', { queueName: 'audit', connection: 'AzureWebJobsStorage', handler: auditQueue });
}
