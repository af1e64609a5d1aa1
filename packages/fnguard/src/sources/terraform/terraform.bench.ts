/**
 * Terraform source speed: one-time wasm init, parse-only rate and full model-building rate on a
 * generated corpus (AWS/Azure/GCP functions, 10 files per folder, a variables file per folder).
 *
 *   cd packages/fnguard && npx tsx src/sources/terraform/terraform.bench.ts [files=2000]
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel } from '../../scan.js';
import { terraformSource } from './index.js';
import { getParser, parseHcl } from './hcl.js';

function aws(i: number): string {
  return `locals {
  name_${i} = "fn-${i}-\${var.env}"
}

resource "aws_lambda_function" "f${i}" {
  function_name = local.name_${i}
  role          = aws_iam_role.r${i}.arn
  handler       = "index.handler"
  runtime       = "nodejs18.x"
  environment {
    variables = {
      STAGE = var.env
      TABLE = "t${i}"
    }
  }
}

resource "aws_iam_role" "r${i}" {
  name               = "role-${i}"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}

resource "aws_iam_role_policy" "p${i}" {
  role = aws_iam_role.r${i}.id
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" },
      { Effect = "Allow", Action = ["dynamodb:*"], Resource = "arn:aws:dynamodb:*:*:table/t${i}" },
    ]
  })
}

resource "aws_cloudwatch_log_group" "g${i}" {
  name              = "/aws/lambda/\${aws_lambda_function.f${i}.function_name}"
  retention_in_days = 7
}
`;
}

function azure(i: number): string {
  return `resource "azurerm_linux_function_app" "a${i}" {
  name                       = "app-${i}"
  storage_account_access_key = "key"
  https_only                 = true
  site_config {
    ftps_state = "Disabled"
    application_stack {
      python_version = "3.11"
    }
  }
  app_settings = {
    MODE = var.env
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_role_assignment" "ra${i}" {
  scope                = "/subscriptions/0000/resourceGroups/rg-${i}"
  role_definition_name = "Reader"
  principal_id         = azurerm_linux_function_app.a${i}.identity[0].principal_id
}
`;
}

function gcp(i: number): string {
  return `resource "google_cloudfunctions2_function" "g${i}" {
  name = "gfn-${i}"
  build_config {
    runtime     = "python312"
    entry_point = "main"
  }
  service_config {
    ingress_settings = "ALLOW_ALL"
    environment_variables = {
      MODE = var.env
    }
  }
}

resource "google_cloud_run_service_iam_member" "inv${i}" {
  service = google_cloudfunctions2_function.g${i}.name
  role    = "roles/run.invoker"
  member  = "allUsers"
}
`;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), 'fnguard-tf-bench-'));
  try {
    const texts: string[] = [];
    for (let i = 0; i < count; i++) {
      const folder = join(dir, `svc${Math.floor(i / 10)}`);
      if (i % 10 === 0) {
        mkdirSync(folder);
        writeFileSync(join(folder, 'variables.tf'), 'variable "env" {\n  default = "dev"\n}\n');
      }
      const text = [aws, azure, gcp][i % 3]!(i);
      texts.push(text);
      writeFileSync(join(folder, `f${i}.tf`), text);
    }
    const t0 = performance.now();
    await getParser();
    const initMs = performance.now() - t0;
    // Warm-up pass (JIT), then parse-only (tree-sitter + conversion to the plain AST) on the same texts.
    for (const t of texts) await parseHcl(t);
    const t1 = performance.now();
    for (const t of texts) await parseHcl(t);
    const parseMs = performance.now() - t1;
    const t2 = performance.now();
    const model = await buildModel(dir, { sources: [terraformSource] });
    const buildMs = performance.now() - t2;
    const files = model.files.length;
    console.log(`wasm parser init: ${initMs.toFixed(0)} ms (once per process)`);
    console.log(`parse only: ${count} files in ${parseMs.toFixed(0)} ms = ${(count / (parseMs / 1000)).toFixed(0)} files/s`);
    console.log(`buildModel (discovery + parse + evaluate + model): ${files} files in ${buildMs.toFixed(0)} ms = ${(files / (buildMs / 1000)).toFixed(0)} files/s`);
    console.log(`functions ${model.functions.length}, identities ${model.identities.size}, warnings ${model.diagnostics.filter((d) => d.level === 'warning').length}`);
    console.log(`ratio buildModel / parse-only: ${(buildMs / parseMs).toFixed(2)}; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
