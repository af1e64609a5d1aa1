// AWS Lambda example: an HTTP API (v2) order endpoint and an SQS consumer, both guarded.
// Imports the Lambda-only entry point (`@fnguard/runtime/aws`): no Azure or GCP adapter in the bundle.
// Deploy `orders` behind API Gateway and `shipments` on an SQS queue with ReportBatchItemFailures on.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { guard } from '../src/aws.js';

const Order = z.object({ sku: z.string().max(32), qty: z.number().int().min(1).max(100), note: z.string().max(500).optional() });

export const orders = guard(
  async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const order = Order.parse(JSON.parse(event.body ?? '{}'));
    return { statusCode: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accepted: order.sku }) };
  },
  { schemas: { 'POST /orders': Order } },
);

export const processed: string[] = [];
export const shipments = guard(
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    for (const r of event.Records) processed.push((JSON.parse(r.body) as { id: string }).id);
    return { batchItemFailures: [] };
  },
  { schemas: { sqs: { type: 'object', required: ['body'], properties: { body: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } } } },
);
