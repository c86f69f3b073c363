/** @file File names for exported plots, made from the function the student typed. */
export function sanitizeFileName(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
  return cleaned || 'plot';
}
