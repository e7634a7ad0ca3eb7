// The few strings a model-written answer adds to a reply, in French and English.
import type { Locale } from "./messages.ts";

const fr = {
  writtenBy: (model: string) =>
    `Rédigé par le modèle ${model} à partir des passages cités ; chaque nom, chiffre et date y a été vérifié.`,
  citedPassages: "Passages cités",
};

const en: typeof fr = {
  writtenBy: (model) =>
    `Written by the model ${model} from the cited passages; every name, figure and date was checked in them.`,
  citedPassages: "Cited passages",
};

export const modelMessages = (locale: Locale) => (locale === "en" ? en : fr);
