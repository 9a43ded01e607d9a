// CRM method families: old per-entity methods, universal crm.item.*, configuration lists,
// activities and timeline comments, duplicate search.
import "./legacy";
import "./item";
import "./catalog-methods";
import "./activity";
import "./duplicate";
import "./delete";
