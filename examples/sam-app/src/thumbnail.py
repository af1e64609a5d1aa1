import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    for record in event["Records"]:
        key = record["s3"]["object"]["key"]
        obj = s3.get_object(Bucket=os.environ["BUCKET"], Key=key)
        s3.put_object(Bucket=os.environ["BUCKET"], Key=f"thumbs/{key}", Body=obj["Body"].read()[:1024])
