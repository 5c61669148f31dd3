/** lightning/uiRelatedListApi for the local renderer: one recorded page per parent record id. */
export class getRelatedListRecords {
  constructor(callback) {
    this.callback = callback;
  }

  update(config) {
    const list = config.parentRecordId
      ? window.HEADROOM_FIXTURES.relatedLists[config.parentRecordId]
      : undefined;
    if (list) this.callback({ data: list, error: undefined });
  }

  connect() {}

  disconnect() {}
}
