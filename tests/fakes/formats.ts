import type { OpenAPIBackend } from 'openapi-backend'

type Customizer = NonNullable<ConstructorParameters<typeof OpenAPIBackend>[0]['customizeAjv']>

// The string formats the providers' OpenAPI descriptions use, checked instead of ignored: a retry
// key that is not a UUID is refused here as LINE refuses it.
const formats: Record<string, RegExp | true> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  // Twilio: E.164, a channel address such as whatsapp:+8190…, or an alphanumeric sender id.
  'phone-number': /^(\+[1-9]\d{1,14}|[a-z]+:.+|[A-Za-z0-9]{1,11})$/,
  binary: true,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time-rfc-2822': true,
  'http-method': /^(GET|POST|PUT|DELETE|HEAD|PATCH)$/,
  'uri-map': true,
  'iso-country-code': /^[A-Z]{2}$/,
  currency: true,
  double: true,
  int32: true,
  int64: true,
}

export const withFormats: Customizer = (ajv) => {
  for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check)
  return ajv
}
