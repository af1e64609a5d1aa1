/**
 * Synthetic corpus for the scan benchmark: N project folders cycling through the formats
 * (serverless.yml, SAM, Terraform, ARM, Azure Functions project), each a realistic size with
 * IAM statements, events and environment variables, some of them insecure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function serverless(i: number): string {
  const fns = Array.from({ length: 6 }, (_, f) => `  fn${f}:
    handler: src/h${f}.handler
    ${f % 2 ? 'runtime: python3.8' : ''}
    environment:
      QUEUE_${f}: queue-${i}-${f}
      ${f === 3 ? `API_KEY: k${i}Zq8Lr2vT${f}pW1mNc8bYs3Hd6Gf` : `LEVEL: info`}
    events:
      - http:
          path: items/${f}
          method: ${f % 3 ? 'get' : 'post'}
          ${f % 2 ? 'authorizer: aws_iam' : ''}
      - sqs: arn:aws:sqs:eu-west-1:123456789012:q-${i}-${f}`).join('\n');
  return `service: svc-${i}
frameworkVersion: '3'
provider:
  name: aws
  runtime: nodejs18.x
  stage: \${opt:stage, 'dev'}
  environment:
    SERVICE: \${self:service}-\${sls:stage}
  iam:
    role:
      statements:
        - Effect: Allow
          Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]
          Resource: arn:aws:dynamodb:eu-west-1:123456789012:table/t-${i}
        - Effect: Allow
          Action: ${i % 5 === 0 ? "'s3:*'" : 's3:GetObject'}
          Resource: '*'
functions:
${fns}
`;
}

function sam(i: number): string {
  const fns = Array.from({ length: 5 }, (_, f) => `  Fn${f}:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.h${f}
      CodeUri: src/
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          TABLE: !Ref Table
          ${f === 2 ? `DB_PASSWORD: p${i}Xq2Lr7vTz4KpW1mNc8b` : 'MODE: fast'}
      Events:
        Api:
          Type: Api
          Properties:
            Path: /r${f}
            Method: ${f % 2 ? 'get' : 'post'}
      ${f === 4 ? 'FunctionUrlConfig:\n        AuthType: NONE' : ''}`).join('\n');
  return `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Tracing: Active
    Timeout: 10
Resources:
${fns}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [dynamodb:GetItem, ${i % 7 === 0 ? 'iam:PassRole, lambda:CreateFunction' : 'dynamodb:Query'}]
                Resource: '*'
  Table:
    Type: AWS::DynamoDB::Table
`;
}

function terraform(i: number): string {
  return `variable "env" { default = "prod" }
locals { prefix = "t${i}-\${var.env}" }
resource "aws_iam_role" "r" {
  name = "\${local.prefix}-role"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
resource "aws_iam_role_policy" "p" {
  role = aws_iam_role.r.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::b${i}/*" }]
  })
}
${Array.from({ length: 4 }, (_, f) => `resource "aws_lambda_function" "f${f}" {
  function_name = "\${local.prefix}-f${f}"
  role          = aws_iam_role.r.arn
  handler       = "index.handler"
  runtime       = "${f % 2 ? 'nodejs16.x' : 'nodejs20.x'}"
  filename      = "f.zip"
  environment {
    variables = {
      STAGE = var.env
      ${f === 1 ? `SECRET_TOKEN = "s${i}Q9xL2vB8nR4wY1zPc7Hd5Fj0Ks6"` : `MODE = "x"`}
    }
  }
}`).join('\n')}
resource "google_cloudfunctions_function" "g" {
  name        = "g${i}"
  runtime     = "python39"
  entry_point = "main"
  trigger_http = true
  ingress_settings = "ALLOW_ALL"
}
resource "google_cloudfunctions_function_iam_member" "pub" {
  cloud_function = google_cloudfunctions_function.g.name
  role   = "roles/cloudfunctions.invoker"
  member = "${i % 3 ? 'allUsers' : 'group:devs@example.com'}"
}
`;
}

function arm(i: number): string {
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { name: { type: 'string', defaultValue: `app${i}` } },
      resources: Array.from({ length: 3 }, (_, f) => ({
        type: 'Microsoft.Web/sites',
        apiVersion: '2023-01-01',
        name: `[concat(parameters('name'), '-${f}')]`,
        location: 'westeurope',
        kind: 'functionapp',
        identity: f % 2 ? { type: 'SystemAssigned' } : undefined,
        properties: {
          httpsOnly: f !== 1,
          siteConfig: {
            ftpsState: f === 2 ? 'AllAllowed' : 'Disabled',
            minTlsVersion: '1.2',
            appSettings: [
              { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'node' },
              { name: 'API_SECRET', value: f === 0 ? `x${i}Lk2Pz7Xw4Rt9Ys1Mb6Hc0Jd5Fg8` : '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/s/)' },
            ],
          },
        },
      })),
    },
    null,
    2,
  );
}

function azureFunctions(dir: string, i: number): void {
  writeFileSync(join(dir, 'host.json'), JSON.stringify({ version: '2.0' }, null, 2));
  writeFileSync(join(dir, 'local.settings.json'), JSON.stringify({ IsEncrypted: false, Values: { FUNCTIONS_WORKER_RUNTIME: 'node', QUEUE: `q${i}` } }, null, 2));
  for (let f = 0; f < 3; f++) {
    mkdirSync(join(dir, `Fn${f}`), { recursive: true });
    writeFileSync(
      join(dir, `Fn${f}`, 'function.json'),
      JSON.stringify({ bindings: [{ authLevel: f === 0 ? 'anonymous' : 'function', type: 'httpTrigger', direction: 'in', name: 'req', methods: ['get'] }, { type: 'http', direction: 'out', name: 'res' }] }, null, 2),
    );
  }
}

/** Writes the corpus; returns how many template files it wrote. */
export function generateCorpus(root: string, projects: number): number {
  let templates = 0;
  for (let i = 0; i < projects; i++) {
    const dir = join(root, `p${String(i).padStart(5, '0')}`);
    mkdirSync(dir, { recursive: true });
    switch (i % 5) {
      case 0: writeFileSync(join(dir, 'serverless.yml'), serverless(i)); templates++; break;
      case 1: writeFileSync(join(dir, 'template.yaml'), sam(i)); templates++; break;
      case 2: writeFileSync(join(dir, 'main.tf'), terraform(i)); templates++; break;
      case 3: writeFileSync(join(dir, 'azuredeploy.json'), arm(i)); templates++; break;
      case 4: azureFunctions(dir, i); templates += 5; break;
    }
  }
  return templates;
}
