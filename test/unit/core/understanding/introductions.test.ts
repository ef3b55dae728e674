import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

// Self-introductions in every common form, answering "What is your name?" or unprompted.
const ANSWERS: Case[] = [
  ["My name is Bob Smith", { customerName: "Bob Smith" }, "customerName"],
  ["my name is bob smith", { customerName: "Bob Smith" }, "customerName"],
  ["My name's Bob Smith", { customerName: "Bob Smith" }, "customerName"],
  ["name is Bob Smith", { customerName: "Bob Smith" }, "customerName"],
  ["Bob Smith is my name", { customerName: "Bob Smith" }, "customerName"],
  ["I am Bob Smith", { customerName: "Bob Smith" }, "customerName"],
  ["I'm Bob", { customerName: "Bob" }, "customerName"],
  ["this is Bob Smith", { customerName: "Bob Smith" }, "customerName"],
  ["Bob Smith here", { customerName: "Bob Smith" }, "customerName"],
  ["you can call me Bob", { customerName: "Bob" }, "customerName"],
  ["call me Bob Smith", { customerName: "Bob Smith" }, "customerName"],
  ["sure, it's Bob Smith", { customerName: "Bob Smith" }, "customerName"],
  ["Me llamo José Hernández", { customerName: "José Hernández" }, "customerName"],
  ["me llamo josé hernández", { customerName: "José Hernández" }, "customerName"],
  ["Mi nombre es José Hernández", { customerName: "José Hernández" }, "customerName"],
  ["Soy José Hernández", { customerName: "José Hernández" }, "customerName"],
  ["Habla José Hernández", { customerName: "José Hernández" }, "customerName"],
  ["Mi nombre: José Hernández", { customerName: "José Hernández" }, "customerName"],
];

const UNPROMPTED: Case[] = [
  ["Hi, my name is Bob Smith and I need 2 officers", { customerName: "Bob Smith", officers: 2 }],
  ["Hola, me llamo José Hernández y necesito 2 policías", { customerName: "José Hernández", officers: 2 }],
];

describe("self-introductions", () => {
  it.each(ANSWERS)("answer %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(UNPROMPTED)("%s", (message, expected) => expect(pickFields(message, expected), message).toEqual(expected));
});
