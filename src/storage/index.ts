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
  if (missing.length)
    throw new Error(`S3_BUCKET is set, so media go to S3, but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (see .env.example)`)
  return {
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT!,
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
  }
}

export type S3StorageFactory = (options: Record<string, unknown>) => Plugin

/**
 * The admin component storage-s3 registers whenever it is applied. The import map is generated
 * once (npm run generate:importmap, usually without S3_BUCKET), so the disk configuration names
 * it too: switching S3 on later then needs no new import map or admin build.
 * tests/storage/config.test.ts checks this against the plugin itself.
 */
export const S3_CLIENT_HANDLER = '@payloadcms/storage-s3/client#S3ClientUploadHandler'

/**
 * A regular dependency (pinned to payload's version, 3.90.1: Payload refuses mixed versions),
 * imported only when S3 is configured: the AWS SDK behind it adds 250–500 ms and its memory to
 * every start of a disk-only installation. The literal specifier lets Next bundle it as a lazy chunk.
 */
const loadS3Storage = async (): Promise<S3StorageFactory> => (await import('@payloadcms/storage-s3')).s3Storage as unknown as S3StorageFactory

/** Payload plugin: the storage-s3 plugin for the media collection when S3 is configured, otherwise no change. */
export function mediaStoragePlugin(env: Record<string, string | undefined> = process.env, load: () => Promise<S3StorageFactory> = loadS3Storage): Plugin {
  return async (config: Config) => {
    const s3 = s3SettingsFromEnv(env)
    if (!s3) {
      const admin = config.admin ?? {}
      return { ...config, admin: { ...admin, dependencies: { ...admin.dependencies, [S3_CLIENT_HANDLER]: { type: 'function', path: S3_CLIENT_HANDLER } } } }
    }
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
