/** lightning/platformShowToastEvent for the local renderer: the event Lightning listens for. */
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', {
      composed: true,
      cancelable: true,
      bubbles: true,
      detail: toast,
    });
  }
}
