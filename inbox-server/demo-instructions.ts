/**
 * The demo tenant's work instructions (seed 001: "at least 30 work instructions" on how to verify
 * what a complaint reports and how to draw up the supporting documents). Each category's steps are
 * in the order an agent works through them; positions are assigned from that order.
 *
 * "Demo Retail & Utilities" sells online and in its shops and supplies electricity and gas, so the
 * steps name its systems: Orders, Bills, Meter readings, the carrier's tracking, the distribution
 * operator (who runs the grid, the pipes and the meters) and the quality manager.
 */
type Category =
  | 'safety_hazard' | 'product_defect' | 'food_contamination' | 'billing' | 'delivery'
  | 'refund_return' | 'utility_supply' | 'service_staff' | 'account_access' | 'other';

const steps: Readonly<Record<Category, readonly string[]>> = {
  safety_hazard: [
    'If anyone is hurt or still in danger, tell the customer to stop using the product and call 112 first; record who was affected and how.',
    'For a gas smell, sparks or exposed cables: tell the customer to leave the place, not to touch switches, and to call the distribution operator\'s emergency number or 112; log the call to the operator with its reference.',
    'Record exactly which product it is: name, article number or EAN, serial or batch number, where and when it was bought, order or receipt number.',
    'Ask for photos of the product, of the damage and of the label, and ask the customer to keep the product, not to repair it and not to send it back until we arrange collection.',
    'Notify the quality and safety manager within 2 hours with the complaint code, the product details and the photos.',
    'Check for other complaints about the same article or batch in the last 90 days and list them in an internal note.',
    'Record the quality manager\'s decision on stopping sales, withdrawing or recalling the product, who took it and when, and whether the authorities were informed.',
  ],
  product_defect: [
    'Record the product, article number, serial number, date and place of purchase, and the order or receipt number.',
    'Ask for photos or a short video that shows the defect, and a photo of the label with the serial number.',
    'Check the guarantee: the legal guarantee runs 2 years from delivery, plus any commercial warranty on the order; note the delivery date.',
    'Ask how and for how long the product was used, to tell a manufacturing defect from wear or misuse; record the answer without judging it yet.',
    'Look for other complaints about the same article in the last 90 days; from three, inform the category buyer and the supplier.',
    'Offer repair or replacement first, and a refund when neither is possible within a reasonable time; record the supplier so the complaint counts on its scorecard.',
  ],
  food_contamination: [
    'Ask for the batch (lot) number and the best-before or use-by date printed on the pack, and where and when the product was bought.',
    'Ask the customer to keep the product and its packaging (chilled or frozen if perishable) and not to throw anything away; ask for photos of the product, of any foreign body and of the label.',
    'Ask whether anyone ate the product and has symptoms; if so, advise them to see a doctor and record only the dates and the symptoms needed to assess the case.',
    'Check for other complaints on the same batch and the same product in the last 90 days.',
    'Notify the quality manager within 2 hours with the batch number, the best-before date and the photos.',
    'With the quality manager, consider blocking the batch in the shops and a withdrawal or recall; record the decision and the time it was taken.',
    'Arrange collection of the product for laboratory analysis and record who collected it, when, and the sample\'s reference.',
  ],
  billing: [
    'Identify the customer and the account, contract or order number; for electricity and gas, also the place of consumption and its supply point code (POD or gas point code).',
    'Record the disputed invoice: number, period, amount, and the amount the customer believes is right.',
    'For energy bills, check whether the invoice uses actual or estimated readings and compare it with the meter reading history of the supply point.',
    'Check the payments received for the invoice or order, including duplicate card charges and pending pre-authorisations.',
    'If the invoice is wrong, issue a corrected invoice or credit note and attach it to the complaint as the supporting document.',
    'Answer with the calculation, and say when any amount due will be refunded (5–10 working days) or credited on the next bill.',
  ],
  delivery: [
    'Find the order and its shipments; note the carrier, the tracking number and the promised delivery date.',
    'Check the tracking history: the last scan, delivery attempts and the proof of delivery (signature, photo, location).',
    'If tracking has not moved for 5 working days, or the parcel shows as delivered but did not arrive, open an investigation with the carrier and record its reference.',
    'For missing or wrong items, ask for a photo of what arrived and of the parcel label, and check the warehouse picking record for the order.',
    'Once the carrier confirms the loss, or after 10 working days without an answer from it, send a replacement or refund the customer as they prefer.',
  ],
  refund_return: [
    'Find the order and the delivery date, and check whether the return is within 14 days of delivery or the longer period stated on the order.',
    'Check the return\'s progress: label created, handed to the carrier, received at the warehouse, inspected.',
    'If the return has arrived, check when the refund was issued, to which payment method, and note the payment reference.',
    'If the return was refused, record the reason and the inspection photos, and check the reason against the returns policy.',
    'If more than 10 working days have passed since the return arrived without a refund, escalate to the payments team the same day.',
  ],
  utility_supply: [
    'Identify the place of consumption: address, supply point code (POD for electricity, the gas point code) and the contract holder.',
    'Check the meter reading history of the supply point: actual or estimated readings, the date of the last actual reading, unusual jumps.',
    'Check the planned outages and the known faults for the supply point with the distribution operator.',
    'For an outage that is not planned, give the distribution operator\'s 24-hour fault number and log the report with the operator\'s reference.',
    'For a disconnection, check whether one was requested for unpaid bills and whether the notice was sent; if the bills are paid, ask the operator to reconnect and note the deadline it has to meet.',
    'For a supplier switch, check the switch date and its status with the operator, and that both suppliers hold the same switch-day reading.',
    'Draw up the supporting documents (reading history, the operator\'s answer, correspondence) and attach them to the complaint before answering.',
  ],
  service_staff: [
    'Record where and when it happened (shop, phone line or chat, date and time) and, if known, the staff member\'s name or badge number.',
    'Ask what was said or done, and whether there were witnesses, a receipt or a call reference.',
    'Ask the shop manager or team leader for their account within 2 working days; for calls and chats, review the recording or transcript.',
    'Handle in the same complaint any commercial issue that is still open (an order, a refund, a promise that was not kept).',
    'Tell the customer the complaint was passed on and followed up, without sharing measures taken about a named employee.',
  ],
  account_access: [
    'Verify the identity before discussing the account: name, the e-mail address on the account and a recent order or invoice number. Never ask for the password.',
    'Check the account status: locked after failed sign-ins, e-mail address not confirmed, or closed.',
    'Check recent sign-ins, changes of e-mail, password or address, and orders the customer does not recognise; if there are any, lock the account and tell the security team at once.',
    'Send password resets only to the e-mail address on file; change that address only after the identity is verified, and record how it was verified.',
  ],
  other: [
    'Decide whether it is a complaint, a suggestion or a question; if one of the other categories fits, reclassify the complaint so its checklist applies.',
    'Record suggestions in the monthly feedback report for the team concerned.',
    'Answer with thanks and say what happens to the suggestion; for a question, answer it or pass it to the team that can.',
  ],
};

/** Every step with its category and 1-based position, in the order of `steps`. */
export const demoInstructions: readonly { category: Category; position: number; text: string }[] =
  (Object.entries(steps) as [Category, readonly string[]][])
    .flatMap(([category, texts]) => texts.map((text, index) => ({ category, position: index + 1, text })));
