import { z } from 'zod'

export const COLUMN_CATEGORIES = ['news', 'notices', 'policy', 'profile', 'personnel', 'plans', 'interaction', 'services', 'disclosure', 'other'] as const

export const columnCategory = z.enum(COLUMN_CATEGORIES)
