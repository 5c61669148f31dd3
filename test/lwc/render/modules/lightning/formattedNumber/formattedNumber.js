import { LightningElement, api } from 'lwc';

export default class FormattedNumber extends LightningElement {
  @api value;
  @api formatStyle;
  @api currencyCode = 'USD';
  @api maximumFractionDigits;

  get text() {
    if (this.value === null || this.value === undefined) return '';
    const style =
      this.formatStyle === 'currency' ? { style: 'currency', currency: this.currencyCode } : {};
    const digits =
      this.maximumFractionDigits === undefined
        ? {}
        : { maximumFractionDigits: Number(this.maximumFractionDigits) };
    return new Intl.NumberFormat('en-US', { ...style, ...digits }).format(this.value);
  }
}
