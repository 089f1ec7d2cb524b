import type { Channel } from '../../shared/contract'

/** Enough of an address to tell messages apart on a screen, not enough to contact anyone. */
export function maskAddress(channel: Channel, address: string): string {
  switch (channel) {
    case 'email': {
      const at = address.lastIndexOf('@')
      if (at < 1) return '***'
      return `${address.slice(0, 1)}***${address.slice(at)}`
    }
    case 'sms':
      return address.length > 4 ? `***${address.slice(-4)}` : '***'
    case 'line':
      return address.length > 4 ? `${address.slice(0, 4)}***` : '***'
  }
}
