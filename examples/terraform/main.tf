# Deliberately insecure Terraform for `fnguard scan`: one function per cloud.

variable "project" {
  default = "acme-orders"
}

# ---------------------------------------------------------------- AWS
resource "aws_iam_role" "billing" {
  name = "billing-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "billing" {
  role = aws_iam_role.billing.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "kms:Decrypt"]
      Resource = "*"
    }]
  })
}

resource "aws_lambda_function" "billing" {
  function_name = "billing"
  role          = aws_iam_role.billing.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "billing.zip"

  environment {
    variables = {
      STAGE = "prod"
    }
  }
}

resource "aws_lambda_function_url" "billing" {
  function_name      = aws_lambda_function.billing.function_name
  authorization_type = "NONE"
}

# ---------------------------------------------------------------- GCP
resource "google_cloudfunctions2_function" "thumbnails" {
  name     = "thumbnails"
  location = "europe-west1"
  project  = var.project

  build_config {
    runtime     = "python312"
    entry_point = "handle"
  }

  service_config {
    ingress_settings = "ALLOW_ALL"
    environment_variables = {
      API_TOKEN = "tok_8f2Kq9ZmX4vB7nR1wL5yT3pD6sH0jG2c"
    }
  }
}

resource "google_cloud_run_service_iam_member" "public" {
  location = google_cloudfunctions2_function.thumbnails.location
  service  = google_cloudfunctions2_function.thumbnails.name
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# ---------------------------------------------------------------- Azure
resource "azurerm_linux_function_app" "orders" {
  name                       = "orders-func"
  resource_group_name        = "rg-orders"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-orders/providers/Microsoft.Web/serverFarms/plan"
  storage_account_name       = "ordersstorage"
  storage_account_access_key = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5d2FsZG9mcmVk"
  https_only                 = false

  site_config {
    ftps_state = "AllAllowed"
    cors {
      allowed_origins = ["*"]
    }
  }
}
