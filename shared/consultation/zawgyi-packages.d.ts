// Google's Zawgyi detector and the Rabbit converter ship without types.
declare module 'myanmar-tools/build_node/zawgyi_detector' {
  export class ZawgyiDetector {
    /** 0–1: how likely the text is Zawgyi rather than Unicode Burmese. */
    getZawgyiProbability(text: string): number
  }
}
declare module 'rabbit-node' {
  export function zg2uni(text: string): string
}
