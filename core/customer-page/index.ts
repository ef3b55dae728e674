export { type CustomerLinkBuilder, invoiceUrlOf } from "./customer-link-port.ts";
export {
  CUSTOMER_LINK_PLACEHOLDER,
  type CustomerLinkTexts,
  fillCustomerLink,
  getCustomerLinkTexts,
} from "./link-texts.ts";
export {
  type CustomerPageTexts,
  formatLocalClock,
  formatLocalDay,
  formatLocalInstant,
  getCustomerPageTexts,
} from "./page-texts.ts";
