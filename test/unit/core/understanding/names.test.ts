import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

const NAMES: Case[] = [
  [
    "I'm Maria Lopez from Desert Bloom Events",
    { customerName: "Maria Lopez", organization: "Desert Bloom Events" },
  ],
  ["this is John Smith with ACME Corp", { customerName: "John Smith", organization: "ACME Corp" }],
  [
    "Hi, this is John Smith with ACME Corp, we need 2 officers",
    { customerName: "John Smith", organization: "ACME Corp", officers: 2 },
  ],
  ["my name is Dana Whitfield", { customerName: "Dana Whitfield", organization: null }],
  ["name is kevin o'brien", { customerName: "Kevin O'Brien" }],
  ["me llamo Ana Ruiz de Eventos Sol", { customerName: "Ana Ruiz", organization: "Eventos Sol" }],
  ["mi nombre es Juan de la Cruz", { customerName: "Juan de la Cruz" }],
  [
    "soy Carlos Mendez de Construcciones del Valle",
    { customerName: "Carlos Mendez", organization: "Construcciones del Valle" },
  ],
  ["Maria here from Desert Bloom Events", { customerName: "Maria", organization: "Desert Bloom Events" }],
  [
    "hi this is maria lopez from desert bloom events",
    { customerName: "Maria Lopez", organization: "desert bloom events" },
  ],
  ["I'm with Pima County Fair", { customerName: null, organization: "Pima County Fair" }],
  ["company: Sunrise Paving LLC", { organization: "Sunrise Paving LLC" }],
  ["I'm looking for 2 officers", { customerName: null, officers: 2 }],
  ["this is urgent", { customerName: null }],
  ["I'm the store manager", { customerName: null }],
  ["this is for a wedding", { customerName: null }],
];

const NAME_ANSWERS: Case[] = [
  ["Maria Lopez", { customerName: "Maria Lopez" }, "customerName"],
  ["maria lopez", { customerName: "Maria Lopez" }, "customerName"],
  ["it's Tom Baker", { customerName: "Tom Baker" }, "customerName"],
  [
    "Maria Lopez, Desert Bloom Events",
    { customerName: "Maria Lopez", organization: "Desert Bloom Events" },
    "customerName",
  ],
  ["yes", { customerName: null }, "customerName"],
  ["Desert Bloom Events", { organization: "Desert Bloom Events" }, "organization"],
  ["we're Sunrise Paving", { organization: "Sunrise Paving" }, "organization"],
  ["just me", { organization: "" }, "organization"],
  ["none", { organization: "" }, "organization"],
  ["ninguna", { organization: "" }, "organization"],
];

describe("names and organisations", () => {
  it.each(NAMES)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(NAME_ANSWERS)("answer %s (%s)", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});
