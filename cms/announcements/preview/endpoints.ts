import type { Endpoint } from 'payload'

/** The preview's endpoints under /api/announcements/… (rendering per channel, recipients counted at the edge). */
export const announcementPreviewEndpoints: Endpoint[] = []
