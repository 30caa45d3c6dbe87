/**
 * Media storage // 素材存储: uploads stay on local disk (MEDIA_DIR) unless S3_BUCKET names a bucket
 * of an S3-compatible store (MinIO, a cloud object store), where Payload's official
 * @payloadcms/storage-s3 keeps them. Chosen from the environment only.
 */
import type { Config, Plugin } from 'payload'

export interface S3Settings {
  bucket: string
  endpoint: string
  region: string
  accessKeyId: string
  secretAccessKey: string
}

const REQUIRED = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

/** undefined: local disk. A half-configured bucket is an error, never a silent fall-back to disk. */
export function s3SettingsFromEnv(env: Record<string, string | undefined> = process.env): S3Settings | undefined {
  if (!env.S3_BUCKET) return undefined
  const missing = REQUIRED.filter((name) => !env[name])
  if (missing.length) throw new Error(`S3_BUCKET is set, so media go to S3, but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (see .env.example)`)
  return { bucket: env.S3_BUCKET, endpoint: env.S3_ENDPOINT!, region: env.S3_REGION || 'us-east-1', accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! }
}

type S3StorageFactory = (options: Record<string, unknown>) => Plugin

/**
 * Loaded only when S3 is configured: the AWS SDK behind it is large and a disk-only installation
 * should not pay for it at start-up. Its version must equal payload's (Payload refuses mixed
 * versions): the project pins both (3.90.1; storage-s3 3.90.2 was never published).
 */
async function loadS3Storage(): Promise<S3StorageFactory> {
  const specifier = '@payloadcms/storage-s3'
  try {
    return ((await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)) as { s3Storage: S3StorageFactory }).s3Storage
  } catch (error) {
    throw new Error(`S3_BUCKET is set, but ${specifier} cannot be loaded (${(error as Error).message}). Install the version matching payload: npm install --save-exact ${specifier}@<payload version>, or unset S3_BUCKET to keep media on disk.`)
  }
}

/** Payload plugin: the storage-s3 plugin for the media collection when S3 is configured, otherwise no change. */
export function mediaStoragePlugin(env: Record<string, string | undefined> = process.env, load: () => Promise<S3StorageFactory> = loadS3Storage): Plugin {
  return async (config: Config) => {
    const s3 = s3SettingsFromEnv(env)
    if (!s3) return config
    const s3Storage = await load()
    return s3Storage({
      collections: { media: true },
      bucket: s3.bucket,
      config: {
        endpoint: s3.endpoint,
        region: s3.region,
        // MinIO and most self-hosted stores address buckets by path, not by subdomain.
        forcePathStyle: true,
        // Checksums only where S3 requires them: many S3-compatible stores (older MinIO, Ceph, some
        // cloud vendors' S3 gateways) refuse the SDK's default aws-chunked checksum trailers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
      },
    })(config)
  }
}
