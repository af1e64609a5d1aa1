// Realistic, fixed events shared by the runtime benches: an API Gateway HTTP API (v2) request with a
// ~2 KB JSON body and an SQS batch of 10 messages.

const items = Array.from({ length: 8 }, (_, i) => ({
  sku: `SKU-${1000 + i}`,
  name: ['Blue ceramic mug', "Children's raincoat", 'USB-C cable (2 m)', 'Notebook, A5 dotted'][i % 4],
  qty: 1 + (i % 3),
  price: 9.99 + i,
  note: i % 2 === 0 ? 'Gift wrap please — it\'s for my sister' : 'Leave at the front door if nobody answers',
}));

export const orderBody = {
  orderId: 'ord_7f3a9c1e',
  customer: { name: "Siobhán O'Brien", email: 'siobhan.obrien@example.com', phone: '+353 1 555 0142' },
  shipping: { line1: "12 St. John's Road", line2: 'Apt 4B', city: 'Dublin', postcode: 'D08 X2Y3', country: 'IE' },
  items,
  coupon: 'SPRING-10',
  comments: 'Please deliver between 9:00 and 17:00. Call if there is a problem; thanks!',
  website: 'https://shop.example.com/orders/ord_7f3a9c1e',
};

export const orderSchemaJson = {
  type: 'object',
  required: ['orderId', 'customer', 'shipping', 'items'],
  properties: {
    orderId: { type: 'string', maxLength: 64 },
    customer: { type: 'object', required: ['name', 'email'], properties: { name: { type: 'string', maxLength: 200 }, email: { type: 'string', maxLength: 200 }, phone: { type: 'string' } } },
    shipping: { type: 'object', required: ['line1', 'city', 'country'], properties: { line1: { type: 'string' }, line2: { type: 'string' }, city: { type: 'string' }, postcode: { type: 'string' }, country: { type: 'string', minLength: 2, maxLength: 2 } } },
    items: { type: 'array', maxItems: 100, items: { type: 'object', required: ['sku', 'qty'], properties: { sku: { type: 'string' }, name: { type: 'string' }, qty: { type: 'integer', minimum: 1 }, price: { type: 'number' }, note: { type: 'string' } } } },
    coupon: { type: 'string' }, comments: { type: 'string' }, website: { type: 'string' },
  },
} as const;

export function apiGwV2Event(): Record<string, unknown> {
  const body = JSON.stringify(orderBody);
  return {
    version: '2.0', routeKey: 'POST /orders', rawPath: '/orders', rawQueryString: 'source=web&lang=en',
    cookies: ['session=abc123def456', 'theme=dark'],
    headers: {
      'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
      accept: 'application/json', 'accept-language': 'en-IE,en;q=0.9', host: 'api.example.com', 'x-forwarded-for': '203.0.113.9',
      authorization: 'Bearer not-a-real-token-0123456789', 'content-length': String(body.length),
    },
    queryStringParameters: { source: 'web', lang: 'en' },
    requestContext: {
      accountId: '123456789012', apiId: 'abc123', domainName: 'api.example.com', domainPrefix: 'api',
      http: { method: 'POST', path: '/orders', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'Mozilla/5.0' },
      requestId: 'req-1', routeKey: 'POST /orders', stage: '$default', time: '25/Nov/2026:15:00:00 +0000', timeEpoch: 1795000000000,
    },
    body, isBase64Encoded: false,
  };
}

export function sqsBatchEvent(): Record<string, unknown> {
  return {
    Records: Array.from({ length: 10 }, (_, i) => ({
      messageId: `m-${i}`, receiptHandle: `rh-${i}`,
      body: JSON.stringify({ orderId: `ord_${i}`, status: i % 2 ? 'shipped' : 'packed', carrier: 'An Post', note: "Left with neighbour at no. 14 (Mrs O'Neill)", at: '2026-11-25T15:00:00Z' }),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1795000000000', SenderId: 'AID', ApproximateFirstReceiveTimestamp: '1795000000001' },
      messageAttributes: { tenant: { stringValue: 'acme', dataType: 'String' } }, md5OfBody: 'x', eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:orders', awsRegion: 'eu-west-1',
    })),
  };
}

export const lambdaContext = { awsRequestId: 'req-1', functionName: 'orders', callbackWaitsForEmptyEventLoop: true };
