/** The edit view's preview of an announcement: filled in by the preview's own change. */
export function AnnouncementPreview() {
  return null
}
