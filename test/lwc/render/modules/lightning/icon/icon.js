import { LightningElement, api } from 'lwc';

const GLYPHS = { success: '✔', warning: '▲', error: '✖' };

export default class Icon extends LightningElement {
  @api iconName;
  @api variant;
  @api size;
  @api alternativeText;

  get glyph() {
    return GLYPHS[this.variant] ?? '●';
  }

  get iconClass() {
    return `slds-icon-text-${this.variant ?? 'default'}`;
  }
}
