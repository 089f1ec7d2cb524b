import type { DeliveryLinks } from '../../shared/compose'

/**
 * The links placed in one delivery. They name the delivery, not the resident; the resident pages
 * resolve them (and refuse what they cannot verify).
 */
export function deliveryLinks(origin: string, tenant: string, deliveryKey: string): DeliveryLinks {
  const base = `${origin.replace(/\/$/, '')}/${tenant}`
  return {
    messageUrl: `${base}/m/${deliveryKey}`,
    consultUrl: `${base}/consult`,
    selfServiceUrl: `${base}/me?d=${deliveryKey}`,
    unsubscribeUrl: `${base}/stop?d=${deliveryKey}`,
  }
}
