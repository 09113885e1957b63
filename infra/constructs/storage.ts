import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage.ts';
import { CLOSING_PREFIX, DELETION_GRACE_DAYS } from '../../shared/domain/platform/deletion.ts';

/** Buckets: access logs, client uploads and request exports (presigned), and the static site. TLS-only, private, encrypted. */
export class Storage extends Construct {
  readonly logs: Bucket;
  readonly uploads: Bucket;
  readonly site: Bucket;

  constructor(scope: Construct, id: string, stage: StageConfig) {
    super(scope, id);
    const lifecycle = stage.isProd ? { removalPolicy: RemovalPolicy.RETAIN } : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };
    const common = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      ...lifecycle,
    };
    this.logs = new Bucket(this, 'Logs', {
      ...common,
      // CloudFront standard logs need ACLs on the target bucket.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(stage.isProd ? 365 : 30) }],
    });
    this.uploads = new Bucket(this, 'Uploads', {
      ...common,
      versioned: true,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'uploads/',
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1), noncurrentVersionExpiration: Duration.days(30) },
        // Request exports are offered for minutes; nothing keeps them beyond a day.
        { prefix: 'exports/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        // A deleted firm's export is purged with it (ADR 0039); this catches one whose deletion was cancelled.
        { prefix: CLOSING_PREFIX, expiration: Duration.days(DELETION_GRACE_DAYS + 5), noncurrentVersionExpiration: Duration.days(1) },
      ],
    });
    this.site = new Bucket(this, 'Site', { ...common, serverAccessLogsBucket: this.logs, serverAccessLogsPrefix: 'site/' });
  }
}
