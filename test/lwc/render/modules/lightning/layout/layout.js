import { LightningElement, api } from 'lwc';

export default class Layout extends LightningElement {
  @api multipleRows;
}
