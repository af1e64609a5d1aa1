import { fileURLToPath } from 'node:url';
import { testRule } from '../tester.js';
import unusedPermission from './unused-permission.js';
import callNotAllowed from './call-not-allowed.js';

const fx = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

testRule(unusedPermission, {
  fail: [
    // serverless.yml: dynamodb:DeleteItem (statement at 13) and sqs:SendMessage (19) are never called.
    { fixture: fx('unused-sls'), expect: ['serverless.yml:13', 'serverless.yml:19'], messageIncludes: 'no code path of function createOrder' },
    // One role, two functions (JS + Python): each uses part of it; sns:Subscribe is used by neither.
    { fixture: fx('shared-sls'), expect: ['serverless.yml:16'], messageIncludes: 'allows sns:Subscribe, which no code path of functions receive, store uses' },
    // Terraform jsonencode policy: sqs:DeleteQueue is never called.
    { fixture: fx('tf-node'), expect: ['main.tf:23'], messageIncludes: 'sqs:DeleteQueue' },
  ],
  pass: [
    fx('sam-python-ok'),
    // s3:* is used (GetObject); the Deny statement grants nothing.
    fx('deny-sls'),
    // Unused sqs:PurgeQueue, but the handler picks its SDK method at run time: no claim is made.
    fx('dynamic-sls'),
  ],
});

testRule(callNotAllowed, {
  fail: [
    // SAM + boto3 resource/client: put_item and get_secret_value are not in the role.
    { fixture: fx('sam-python'), expect: ['src/profile.py:14', 'src/profile.py:15'], messageIncludes: 'does not allow' },
    // Terraform + SDK v3: PutObject to another bucket than the one granted.
    { fixture: fx('tf-node'), expect: ['lambda/index.mjs:9'], messageIncludes: 's3:PutObject on arn:aws:s3:::thumbnail-output/small/*' },
    // serverless.yml: s3:* allowed on the bucket, but an explicit Deny wins for DeleteObject.
    { fixture: fx('deny-sls'), expect: ['handlers/purge.ts:10'], messageIncludes: 's3:DeleteObject on arn:aws:s3:::scratch-files/*' },
  ],
  pass: [
    fx('sam-python-ok'),
    // Calls allowed through template references (${OrdersTable.Arn}) and a wildcard object ARN.
    fx('unused-sls'),
    // A queue URL and a resource-style bucket resolved to the granted ARNs.
    fx('shared-sls'),
  ],
});
