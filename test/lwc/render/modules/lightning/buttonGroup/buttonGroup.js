import { LightningElement } from 'lwc';

export default class ButtonGroup extends LightningElement {}
