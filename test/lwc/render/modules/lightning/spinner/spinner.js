import { LightningElement, api } from 'lwc';

export default class Spinner extends LightningElement {
  @api alternativeText;
  @api size;
}
