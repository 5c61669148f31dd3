import { LightningElement, api } from 'lwc';

export default class FormattedDateTime extends LightningElement {
  @api value;
  @api year;
  @api month;
  @api day;
  @api timeZone;

  get text() {
    if (!this.value) return '';
    const options = { year: this.year, month: this.month, day: this.day, timeZone: this.timeZone };
    return new Intl.DateTimeFormat('en-US', options).format(new Date(this.value));
  }
}
