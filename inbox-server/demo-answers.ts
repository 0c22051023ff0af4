/** The demo tenant's routine answers (seed 000: answers agreed with the client company). */
export interface DemoAnswer { category: 'billing' | 'delivery' | 'refund_return' | 'account_access' | 'utility_supply' | 'service_staff' | 'other'; lang: 'en' | 'it' | 'ro' | 'fa' | 'ru' | 'pt'; keywords: string[]; priority: number; text: string }

/*
 * "Demo Retail & Utilities" sells online and in its shops and supplies electricity and gas. Each
 * answer follows the acknowledgement, and the bot then asks whether it solves the problem; a "no"
 * hands the complaint to a person, which is why every answer ends by saying so.
 *
 * Policies the answers share (keep them the same in every language): refunds within 5–10 working
 * days of the return arriving; returns within 14 days of delivery (or longer if the order says so);
 * carrier investigation after 5 working days without tracking movement; estimated energy bills
 * corrected (usually within 5 working days) once a meter reading arrives; account locked for
 * 30 minutes after repeated wrong passwords; supplier switch up to three weeks, final bill within
 * six weeks, 14 days to withdraw from a new contract. Account sections named: Orders (→ Returns,
 * → Report a problem), Bills, Meter readings, Contracts.
 *
 * Keywords are matched after folding and stemming (nlp/answers.ts): within a category the answer
 * matching the most keywords wins, ties go to list order, so each category lists its keyword
 * answers first (the one to prefer on a tie first) and its keyword-less fallback last. Folding
 * drops diacritics, so the Romanian and Persian spellings with and without them are the same
 * keyword for the matcher; both are listed for the people who edit the list.
 */
export const demoAnswers: readonly DemoAnswer[] = [
  // ───────────────────────────── English ─────────────────────────────
  {
    category: 'billing', lang: 'en', priority: 1,
    keywords: ['twice', 'double', 'duplicate', 'two payments', 'two charges', 'two times'],
    text: "Sorry for the worry. A second amount that appears right after a purchase is often only a card pre-authorisation that never becomes a payment: your bank releases it automatically, usually within 3–5 working days. In your account under Orders (or Bills, for electricity and gas) you can see every payment we have actually taken. If both payments are still on your bank statement after that time, reply “no” and a colleague will check them; any duplicate payment we confirm is refunded to the same card or bank account within 5–10 working days.",
  },
  {
    category: 'billing', lang: 'en', priority: 1,
    keywords: ['estimate', 'meter', 'consumption', 'usage', 'kwh'],
    text: "If your electricity or gas bill is marked as estimated, it was calculated from your past consumption because we had no recent meter reading. Send us a reading in your account under Meter readings (for gas, all the black digits; for electricity, the figure for each rate shown on the display), ideally with a photo of the meter. We then issue a corrected bill based on the actual reading, usually within 5 working days, and anything you overpaid is deducted from your next bill or refunded on request. If you have already sent a reading and the bill still looks wrong, reply “no” and a colleague will check it.",
  },
  {
    category: 'billing', lang: 'en', priority: 0, keywords: [],
    text: "We're sorry the amount doesn't look right. The full breakdown is in your account, under Orders for purchases and under Bills for electricity and gas, so you can compare it with your order confirmation or your tariff, including any discount code, delivery charge or billing period. For energy bills, please also check whether the bill is based on an estimate: if so, sending a meter reading in your account under Meter readings is enough to have it corrected. If you still think the amount is wrong, reply “no” and a colleague will review it; if we made a mistake, you will receive a corrected invoice and the difference is refunded within 5–10 working days.",
  },
  {
    category: 'delivery', lang: 'en', priority: 1,
    keywords: ['late', 'delay', 'not arrived', "hasn't arrived", "didn't arrive", 'never arrived', 'yet arrived', 'still waiting', 'tracking', 'where is', 'lost', 'parcel is missing', 'package is missing', 'not delivered'],
    text: "Sorry your parcel is taking longer than expected. You can follow it with the tracking link in your shipping confirmation e-mail, which you will also find in your account under Orders together with the carrier's estimated delivery date. If the tracking hasn't changed for 5 working days, or it says delivered but you don't have the parcel (please check with your neighbours, your safe place and any card left by the courier), we open an investigation with the carrier. If the parcel turns out to be lost, we send you a replacement or refund you in full: reply “no” and a colleague will start the investigation.",
  },
  {
    category: 'delivery', lang: 'en', priority: 1,
    keywords: ['wrong', 'missing', 'incomplete', 'instead of', 'not included', 'different item', 'mixed up'],
    text: "Sorry that your order wasn't complete or correct. Orders with several items are sometimes shipped in separate parcels, so please first check your shipping e-mails or your account under Orders to see whether another parcel is still on its way. If not, report it in your account under Orders → Report a problem, with a photo of what you received and of the parcel label: we will send the missing or correct item at no cost to you, or refund it if you prefer, and for a wrong item we provide a free return label. If you can't use the form, reply “no” and a colleague will sort it out with you.",
  },
  {
    category: 'delivery', lang: 'en', priority: 0, keywords: [],
    text: "Thank you for telling us about the problem with your delivery. The tracking link in your shipping confirmation e-mail, also in your account under Orders, shows where your parcel is and, where the carrier offers it, lets you choose another delivery day or a pick-up point. If a parcel hasn't moved for 5 working days, or is marked as delivered but hasn't reached you, we open an investigation with the carrier, and a lost parcel is replaced or refunded. For anything else about the delivery, including the courier's conduct, reply “no” and a colleague will follow it up.",
  },
  {
    category: 'refund_return', lang: 'en', priority: 1,
    keywords: ['refund', 'money back', 'reimburse', 'repayment', 'not credited'],
    text: "We issue refunds once the returned item has reached our warehouse or been handed in at one of our shops: the money is credited to your original payment method within 5–10 working days of the return arriving, and we e-mail you when the refund has been issued. Your bank may need a few more days to show it on your statement. You can follow every step in your account under Orders → Returns; if you haven't sent the item back yet, you can start the return there too. If more than 10 working days have passed since your return arrived and there is still no refund, reply “no” and a colleague will trace it; please keep your return tracking number or shop receipt to hand.",
  },
  {
    category: 'refund_return', lang: 'en', priority: 0, keywords: [],
    text: "You can return items within 14 days of delivery, or within the longer period stated in your order confirmation. Start the return in your account under Orders → Returns: choose the items and the reason, then print the return label or show the QR code at the carrier's drop-off point, or bring the item with its receipt to any of our shops. Please keep the proof of postage until your refund arrives; it is credited to your original payment method within 5–10 working days of the return reaching us. If your order doesn't appear there or the return is refused, reply “no” and a colleague will help.",
  },
  {
    category: 'account_access', lang: 'en', priority: 1,
    keywords: ['password', 'reset', 'forgot', 'forgotten', 'locked', 'blocked', 'code'],
    text: "To set a new password, choose “Forgot password?” on the sign-in page and enter the e-mail address of your account: we send you a reset link that is valid for a limited time, so always use the most recent one. If the e-mail doesn't arrive within a few minutes, check your spam or junk folder and make sure the address is the one you registered with. After several wrong attempts the account is locked for 30 minutes for your security, and then it unlocks by itself. If you no longer have access to that e-mail address, reply “no” and a colleague will verify your identity and help you back in.",
  },
  {
    category: 'account_access', lang: 'en', priority: 0, keywords: [],
    text: "We're sorry you're having trouble getting into your account. Please check that you're using the e-mail address you registered with (it is the one our order confirmations go to), that Caps Lock is off and that your app or browser is up to date; if the page still doesn't load, clearing the browser cache or trying another device often helps. If you've forgotten your password, choose “Forgot password?” on the sign-in page to receive a reset link by e-mail, and check your spam folder if it doesn't arrive. If none of this works, or you notice orders or changes you didn't make, reply “no” and a colleague will help you straight away.",
  },
  {
    category: 'utility_supply', lang: 'en', priority: 1,
    keywords: ['outage', 'power cut', 'no power', 'no electricity', 'no gas', 'without power', 'without electricity', 'without gas', 'blackout', 'interruption', 'fault'],
    text: "We're sorry you're without supply. The cables, pipes and meters are run by the local distribution network operator, not by us as your supplier, so only they can repair a fault: their 24-hour fault line is printed on your bill. Before calling, check your fuse box or main switch and whether your neighbours are affected too, and for gas, check that the valve next to the meter is open. If you smell gas, don't touch light switches or use naked flames, leave the building and call the gas emergency number on your bill or 112 straight away. If the supply doesn't come back or the network operator refers you to us, reply “no” and a colleague will contact them for you.",
  },
  {
    category: 'utility_supply', lang: 'en', priority: 1,
    keywords: ['meter', 'submit', 'send a reading'],
    text: "You can send a meter reading at any time in your account under Meter readings. For electricity, enter the figure shown for each rate without the decimals; for gas, enter the black digits only; and attach a photo of the display if you can. Readings we receive before the billing date printed on your bill are used for that bill, so you pay for what you actually used; smart meters send their readings automatically. If the reading is rejected as unusually high or low, or your meter can't be read, reply “no” and a colleague will help.",
  },
  {
    category: 'utility_supply', lang: 'en', priority: 1,
    keywords: ['switch', 'change supplier', 'new supplier', 'another supplier', 'other supplier', 'transfer'],
    text: "A change of supplier normally takes up to three weeks and your supply is not interrupted: the new supplier arranges everything with the previous one, so you don't need to cancel anything yourself. If you're switching to us, you can withdraw within 14 days of signing without giving a reason, and your switch date and its status are shown in your account under Contracts. On the switch date, please send a meter reading under Meter readings so that the final bill of one supplier and the first bill of the other match exactly; if you're leaving us, your final bill follows within six weeks. If your switch is late, or you've received bills from two suppliers for the same period, reply “no” and a colleague will look into it.",
  },
  {
    category: 'utility_supply', lang: 'en', priority: 0, keywords: [],
    text: "Thank you for writing to us about your electricity or gas supply. As your supplier we handle your contract, tariff, meter readings and bills, while the network, the connection and the meter itself are managed by the local distribution network operator, whose 24-hour fault line is printed on your bill. If you smell gas, see sparks or notice any other danger, move away and call the emergency number on your bill or 112 straight away. For anything else, reply “no” and a colleague will take care of your request, contacting the network operator for you where needed.",
  },
  {
    category: 'service_staff', lang: 'en', priority: 0, keywords: [],
    text: "We're sorry about the way you were treated; it isn't the service we want to give. Your complaint is passed to the manager of the shop or team involved, who reviews what happened, including call or chat records where they exist, and discusses it with the colleagues concerned so that it doesn't happen again. We can't share details of measures concerning individual members of staff, but every complaint like yours is recorded and used in training our teams. If something still needs putting right, such as an order, a bill or a promise that wasn't kept, reply “no” and a colleague will contact you.",
  },
  {
    category: 'other', lang: 'en', priority: 0, keywords: [],
    text: "Thank you for taking the time to write to us. Suggestions and comments like yours are passed to the team responsible and reviewed every month; they help us decide what to improve in our shops, on our website and in our services, although we can't reply to each one individually. If your message is about a specific problem that still needs solving, reply “no” and a colleague will take care of it personally.",
  },

  // ───────────────────────────── Italiano ─────────────────────────────
  {
    category: 'billing', lang: 'it', priority: 1,
    keywords: ['due volte', 'doppio', 'doppione', 'duplicato', 'due pagamenti', 'due addebiti'],
    text: "Ci scusiamo per il disagio. Un secondo importo che compare subito dopo un acquisto è spesso solo una preautorizzazione sulla carta, che non diventa mai un pagamento: la banca la annulla automaticamente, di solito entro 3–5 giorni lavorativi. Nella sua area personale, alla voce «Ordini» (o «Bollette», per luce e gas), trova tutti i pagamenti che abbiamo effettivamente incassato. Se trascorso questo tempo i due addebiti compaiono ancora sul suo estratto conto, risponda «No» e un nostro operatore li verificherà; ogni doppio pagamento confermato le viene rimborsato sulla stessa carta o sullo stesso conto entro 5–10 giorni lavorativi.",
  },
  {
    category: 'billing', lang: 'it', priority: 1,
    keywords: ['stima', 'acconto', 'contatore', 'lettura', 'autolettura', 'consumo', 'kwh'],
    text: "Se la sua bolletta di luce o gas riporta consumi stimati, l'importo è stato calcolato sulla base dei suoi consumi passati perché non avevamo una lettura recente del contatore. Può comunicarci l'autolettura nella sua area personale, alla voce «Letture» (per il gas tutte le cifre nere, per la luce il valore di ogni fascia indicata sul display), allegando se possibile una foto del contatore. Emetteremo quindi una bolletta corretta in base alla lettura reale, di solito entro 5 giorni lavorativi, e quanto eventualmente pagato in più le verrà scalato dalla bolletta successiva o rimborsato su richiesta. Se ha già inviato la lettura e la bolletta le sembra ancora sbagliata, risponda «No» e un nostro operatore la verificherà.",
  },
  {
    category: 'billing', lang: 'it', priority: 0, keywords: [],
    text: "Ci dispiace che l'importo non le sembri corretto. Trova il dettaglio completo nella sua area personale, alla voce «Ordini» per gli acquisti e «Bollette» per luce e gas, e può confrontarlo con la conferma d'ordine o con la sua offerta, compresi eventuali codici sconto, spese di spedizione e periodo di fatturazione. Per le bollette di luce e gas verifichi anche se i consumi sono stimati: in tal caso basta comunicare l'autolettura alla voce «Letture» per ottenere la correzione. Se ritiene comunque che l'importo sia errato, risponda «No» e un nostro operatore lo ricontrollerà; se l'errore è nostro, riceverà una fattura corretta e la differenza le sarà rimborsata entro 5–10 giorni lavorativi.",
  },
  {
    category: 'delivery', lang: 'it', priority: 1,
    keywords: ['ritardo', 'non è arrivato', 'non arriva', 'ancora arrivato', 'mai arrivato', 'aspetto', 'attendo', 'tracciamento', 'tracking', 'smarrito', 'perso', 'non consegnato', 'dove si trova'],
    text: "Ci scusiamo se la consegna sta richiedendo più tempo del previsto. Può seguire il pacco con il link di tracciamento contenuto nell'e-mail di spedizione, che trova anche nella sua area personale, alla voce «Ordini», insieme alla data di consegna prevista dal corriere. Se il tracciamento non cambia da 5 giorni lavorativi, oppure il pacco risulta consegnato ma lei non l'ha ricevuto (chieda ai vicini o al portiere e controlli il luogo di consegna indicato e l'eventuale avviso lasciato dal corriere), apriamo un'indagine con il corriere. Se il pacco risulta smarrito, le inviamo un articolo sostitutivo o le rimborsiamo l'intero importo: risponda «No» e un nostro operatore avvierà l'indagine.",
  },
  {
    category: 'delivery', lang: 'it', priority: 1,
    keywords: ['sbagliato', 'errato', 'mancante', 'manca', 'incompleto', 'diverso', 'invece di', 'al posto di'],
    text: "Ci scusiamo se il suo ordine non è arrivato completo o corretto. Gli ordini con più articoli vengono talvolta spediti in pacchi separati: controlli prima le e-mail di spedizione o la sua area personale, alla voce «Ordini», per vedere se un altro pacco è ancora in viaggio. In caso contrario, lo segnali alla voce «Ordini» → «Segnala un problema», con una foto di ciò che ha ricevuto e dell'etichetta del pacco: le invieremo senza costi l'articolo mancante o quello giusto oppure, se preferisce, glielo rimborseremo, e per un articolo sbagliato le forniremo un'etichetta di reso gratuita. Se non riesce a usare il modulo, risponda «No» e un nostro operatore risolverà la questione con lei.",
  },
  {
    category: 'delivery', lang: 'it', priority: 0, keywords: [],
    text: "La ringraziamo per averci segnalato il problema con la consegna. Il link di tracciamento nell'e-mail di spedizione, disponibile anche alla voce «Ordini» della sua area personale, mostra dove si trova il pacco e, se il corriere lo consente, le permette di scegliere un altro giorno di consegna o un punto di ritiro. Se un pacco è fermo da 5 giorni lavorativi o risulta consegnato senza essere arrivato a lei, apriamo un'indagine con il corriere, e un pacco smarrito viene sostituito o rimborsato. Per qualsiasi altra questione relativa alla consegna, compreso il comportamento del corriere, risponda «No» e un nostro operatore se ne occuperà.",
  },
  {
    category: 'refund_return', lang: 'it', priority: 1,
    keywords: ['rimborso', 'soldi', 'riaccredito', 'restituzione del denaro', 'non rimborsato'],
    text: "Il rimborso viene effettuato quando il reso è arrivato al nostro magazzino o è stato consegnato in uno dei nostri negozi: l'importo viene riaccreditato sul metodo di pagamento originale entro 5–10 giorni lavorativi dall'arrivo del reso e le inviamo un'e-mail quando il rimborso è stato emesso. La sua banca potrebbe impiegare qualche giorno in più per mostrarlo nell'estratto conto. Può seguire ogni passaggio nella sua area personale, alla voce «Ordini» → «Resi»; se non ha ancora rispedito l'articolo, può avviare il reso da lì. Se sono trascorsi più di 10 giorni lavorativi dall'arrivo del reso e non ha ancora ricevuto nulla, risponda «No» e un nostro operatore verificherà il rimborso: tenga a portata di mano il numero di tracciamento del reso o lo scontrino del negozio.",
  },
  {
    category: 'refund_return', lang: 'it', priority: 0, keywords: [],
    text: "Può restituire gli articoli entro 14 giorni dalla consegna, o entro il termine più lungo indicato nella conferma d'ordine. Avvii il reso nella sua area personale, alla voce «Ordini» → «Resi»: scelga gli articoli e il motivo, poi stampi l'etichetta di reso o mostri il codice QR al punto di consegna del corriere, oppure porti l'articolo con lo scontrino in uno qualsiasi dei nostri negozi. Conservi la ricevuta di spedizione fino all'arrivo del rimborso, che viene riaccreditato sul metodo di pagamento originale entro 5–10 giorni lavorativi dall'arrivo del reso. Se il suo ordine non compare nell'elenco o il reso viene rifiutato, risponda «No» e un nostro operatore la aiuterà.",
  },
  {
    category: 'account_access', lang: 'it', priority: 1,
    keywords: ['password', 'reimpostare', 'dimenticato', 'bloccato', 'codice', 'recupero'],
    text: "Per impostare una nuova password, scelga «Password dimenticata?» nella pagina di accesso e inserisca l'indirizzo e-mail del suo account: le invieremo un link di reimpostazione valido per un periodo limitato, quindi usi sempre quello più recente. Se l'e-mail non arriva entro qualche minuto, controlli la cartella Spam o Posta indesiderata e verifichi che l'indirizzo sia quello usato per la registrazione. Dopo diversi tentativi errati, per la sua sicurezza l'account viene bloccato per 30 minuti e poi si sblocca automaticamente. Se non ha più accesso a quell'indirizzo e-mail, risponda «No» e un nostro operatore verificherà la sua identità e la aiuterà ad accedere.",
  },
  {
    category: 'account_access', lang: 'it', priority: 0, keywords: [],
    text: "Ci dispiace che abbia difficoltà ad accedere al suo account. Verifichi di usare l'indirizzo e-mail della registrazione (è quello a cui arrivano le conferme d'ordine), che il tasto Bloc Maiusc non sia attivo e che l'app o il browser siano aggiornati; se la pagina continua a non caricarsi, spesso aiuta cancellare la cache del browser o provare da un altro dispositivo. Se ha dimenticato la password, scelga «Password dimenticata?» nella pagina di accesso per ricevere via e-mail un link di reimpostazione e, se non lo trova, controlli la cartella Spam. Se nulla di tutto ciò funziona, o nota ordini o modifiche che non ha fatto, risponda «No» e un nostro operatore la aiuterà subito.",
  },
  {
    category: 'utility_supply', lang: 'it', priority: 1,
    keywords: ['blackout', 'interruzione', 'senza corrente', 'senza luce', 'senza gas', 'manca la corrente', 'manca la luce', 'manca il gas', 'guasto'],
    text: "Ci dispiace per l'interruzione della fornitura. La rete, le tubazioni e i contatori sono gestiti dal distributore locale, non da noi in qualità di fornitore, quindi solo il distributore può riparare il guasto: il suo numero di pronto intervento, attivo 24 ore su 24, è riportato in bolletta. Prima di chiamare, controlli il quadro elettrico o l'interruttore generale e se anche i vicini sono senza fornitura; per il gas, verifichi che il rubinetto accanto al contatore sia aperto. Se sente odore di gas, non azioni interruttori e non usi fiamme libere, esca dall'edificio e chiami subito il pronto intervento gas indicato in bolletta o il 112. Se la fornitura non riprende o il distributore la rimanda a noi, risponda «No» e un nostro operatore lo contatterà per lei.",
  },
  {
    category: 'utility_supply', lang: 'it', priority: 1,
    keywords: ['contatore', 'lettura', 'autolettura', 'comunicare la lettura'],
    text: "Può comunicare l'autolettura in qualsiasi momento nella sua area personale, alla voce «Letture». Per la luce inserisca il valore di ogni fascia indicato sul display, senza decimali; per il gas solo le cifre nere; se possibile, alleghi una foto del display. Le letture ricevute prima della data di fatturazione riportata in bolletta vengono usate per quella bolletta, così paga esattamente ciò che ha consumato; i contatori elettronici telegestiti trasmettono le letture in automatico. Se la lettura viene rifiutata perché insolitamente alta o bassa, o il contatore non è leggibile, risponda «No» e un nostro operatore la aiuterà.",
  },
  {
    category: 'utility_supply', lang: 'it', priority: 1,
    keywords: ['cambio fornitore', 'cambio di fornitore', 'nuovo fornitore', 'altro fornitore', 'passaggio', 'recesso'],
    text: "Il cambio di fornitore richiede di norma al massimo tre settimane e la fornitura non viene mai interrotta: il nuovo fornitore gestisce tutto con quello precedente, quindi lei non deve disdire nulla. Se passa a noi, può recedere entro 14 giorni dalla firma senza indicare alcun motivo, e la data e lo stato del passaggio sono visibili nella sua area personale, alla voce «Contratti». Alla data del passaggio comunichi l'autolettura alla voce «Letture», così la bolletta finale di un fornitore e la prima dell'altro coincidono esattamente; se invece lascia noi, la bolletta di chiusura le arriverà entro sei settimane. Se il passaggio è in ritardo o ha ricevuto bollette da due fornitori per lo stesso periodo, risponda «No» e un nostro operatore verificherà.",
  },
  {
    category: 'utility_supply', lang: 'it', priority: 0, keywords: [],
    text: "La ringraziamo per averci scritto riguardo alla sua fornitura di luce o gas. In qualità di fornitore ci occupiamo di contratto, offerta, letture e bollette, mentre la rete, l'allacciamento e il contatore stesso sono gestiti dal distributore locale, il cui numero di pronto intervento, attivo 24 ore su 24, è riportato in bolletta. Se sente odore di gas, vede scintille o nota qualsiasi altro pericolo, si allontani e chiami subito il pronto intervento indicato in bolletta o il 112. In tutti gli altri casi risponda «No» e un nostro operatore si occuperà della sua richiesta, contattando per lei il distributore se necessario.",
  },
  {
    category: 'service_staff', lang: 'it', priority: 0, keywords: [],
    text: "Ci scusiamo per il trattamento che ha ricevuto: non è il servizio che vogliamo offrire. Il suo reclamo viene inoltrato al responsabile del negozio o del team coinvolto, che ricostruisce l'accaduto, anche tramite le registrazioni delle chiamate o delle chat quando disponibili, e ne parla con i colleghi interessati perché non si ripeta. Non possiamo comunicare dettagli sui provvedimenti che riguardano singoli dipendenti, ma ogni reclamo come il suo viene registrato e utilizzato nella formazione dei nostri team. Se c'è ancora qualcosa da sistemare, ad esempio un ordine, una bolletta o un impegno non mantenuto, risponda «No» e un nostro operatore la contatterà.",
  },
  {
    category: 'other', lang: 'it', priority: 0, keywords: [],
    text: "La ringraziamo per aver dedicato del tempo a scriverci. Suggerimenti e osservazioni come i suoi vengono inoltrati al team competente ed esaminati ogni mese: ci aiutano a decidere che cosa migliorare nei negozi, sul sito e nei nostri servizi, anche se non possiamo rispondere singolarmente a ciascuno. Se il suo messaggio riguarda un problema specifico che deve ancora essere risolto, risponda «No» e un nostro operatore se ne occuperà personalmente.",
  },

  // ───────────────────────────── Română ─────────────────────────────
  {
    category: 'billing', lang: 'ro', priority: 1,
    keywords: ['de două ori', 'de doua ori', 'dublu', 'duplicat', 'două plăți', 'doua plati'],
    text: "Ne pare rău pentru neplăcere. O a doua sumă care apare imediat după o cumpărătură este adesea doar o preautorizare pe card, care nu devine niciodată plată: banca o eliberează automat, de obicei în 3–5 zile lucrătoare. În contul dumneavoastră, la secțiunea „Comenzi” (sau „Facturi”, pentru energie electrică și gaze), vedeți toate plățile pe care le-am încasat efectiv. Dacă după acest interval ambele plăți apar încă în extrasul de cont, răspundeți „Nu” și un coleg le va verifica; orice plată dublă confirmată vă este returnată pe același card sau în același cont în 5–10 zile lucrătoare.",
  },
  {
    category: 'billing', lang: 'ro', priority: 1,
    keywords: ['estimat', 'estimare', 'contor', 'index', 'autocitire', 'consum', 'kwh'],
    text: "Dacă factura de energie electrică sau de gaze este marcată ca estimată, ea a fost calculată pe baza consumului dumneavoastră anterior, pentru că nu aveam un index recent al contorului. Ne puteți transmite indexul în contul dumneavoastră, la secțiunea „Citiri contor” (la gaze, toate cifrele negre; la energie electrică, valoarea fiecărui tarif afișat), de preferat împreună cu o fotografie a contorului. Emitem apoi o factură corectată pe baza indexului real, de obicei în 5 zile lucrătoare, iar suma plătită în plus se scade din factura următoare sau vă este returnată la cerere. Dacă ați transmis deja indexul și factura tot pare greșită, răspundeți „Nu” și un coleg o va verifica.",
  },
  {
    category: 'billing', lang: 'ro', priority: 0, keywords: [],
    text: "Ne pare rău că suma nu vi se pare corectă. Detaliile complete se află în contul dumneavoastră, la „Comenzi” pentru cumpărături și la „Facturi” pentru energie electrică și gaze, astfel încât le puteți compara cu confirmarea comenzii sau cu oferta contractată, inclusiv eventualele coduri de reducere, costuri de livrare sau perioada de facturare. La facturile de energie, verificați și dacă factura are la bază un consum estimat: în acest caz, este suficient să transmiteți indexul la „Citiri contor” pentru ca factura să fie corectată. Dacă tot considerați că suma este greșită, răspundeți „Nu” și un coleg o va reverifica; dacă greșeala este a noastră, veți primi o factură corectată, iar diferența vă va fi returnată în 5–10 zile lucrătoare.",
  },
  {
    category: 'delivery', lang: 'ro', priority: 1,
    keywords: ['întârziere', 'intarziere', 'întârzie', 'intarzie', 'nu a ajuns', 'n-a ajuns', 'aștept', 'astept', 'urmărire', 'urmarire', 'awb', 'pierdut', 'unde este', 'nu am primit coletul', 'nu am primit comanda'],
    text: "Ne pare rău că livrarea durează mai mult decât era prevăzut. Puteți urmări coletul cu ajutorul linkului de urmărire din e-mailul de expediere, disponibil și în contul dumneavoastră, la secțiunea „Comenzi”, unde este afișată și data estimată de livrare a curierului. Dacă informațiile de urmărire nu s-au modificat de 5 zile lucrătoare sau coletul apare ca livrat, dar nu l-ați primit (vă rugăm să întrebați vecinii și să verificați locul de predare indicat și eventualul aviz lăsat de curier), deschidem o investigație la curier. Dacă se confirmă că coletul s-a pierdut, vă trimitem un produs înlocuitor sau vă returnăm integral banii: răspundeți „Nu” și un coleg va deschide investigația.",
  },
  {
    category: 'delivery', lang: 'ro', priority: 1,
    keywords: ['greșit', 'gresit', 'lipsește', 'lipseste', 'lipsă', 'lipsa', 'incomplet', 'alt produs', 'în loc de', 'in loc de'],
    text: "Ne pare rău că nu ați primit comanda completă sau corectă. Comenzile cu mai multe produse sunt uneori expediate în colete separate, așa că vă rugăm să verificați mai întâi e-mailurile de expediere sau secțiunea „Comenzi” din contul dumneavoastră, pentru a vedea dacă un alt colet este încă pe drum. Dacă nu, semnalați problema în contul dumneavoastră, la „Comenzi” → „Raportează o problemă”, cu o fotografie a ceea ce ați primit și a etichetei coletului: vă trimitem gratuit produsul lipsă sau pe cel corect ori, dacă preferați, vă returnăm banii, iar pentru un produs greșit vă punem la dispoziție o etichetă de retur gratuită. Dacă nu puteți folosi formularul, răspundeți „Nu” și un coleg va rezolva situația împreună cu dumneavoastră.",
  },
  {
    category: 'delivery', lang: 'ro', priority: 0, keywords: [],
    text: "Vă mulțumim că ne-ați semnalat problema cu livrarea. Linkul de urmărire din e-mailul de expediere, disponibil și în contul dumneavoastră la „Comenzi”, arată unde se află coletul și, acolo unde curierul oferă această opțiune, vă permite să alegeți altă zi de livrare sau un punct de ridicare. Dacă un colet nu s-a mișcat de 5 zile lucrătoare sau figurează ca livrat fără să fi ajuns la dumneavoastră, deschidem o investigație la curier, iar un colet pierdut este înlocuit sau rambursat. Pentru orice altă problemă legată de livrare, inclusiv comportamentul curierului, răspundeți „Nu” și un coleg se va ocupa de ea.",
  },
  {
    category: 'refund_return', lang: 'ro', priority: 1,
    keywords: ['rambursare', 'rambursat', 'bani', 'banii înapoi', 'banii inapoi', 'restituire'],
    text: "Rambursarea se face după ce produsul returnat a ajuns în depozitul nostru sau a fost predat într-unul dintre magazinele noastre: banii sunt virați prin metoda de plată inițială în 5–10 zile lucrătoare de la sosirea returului, iar noi vă anunțăm prin e-mail când rambursarea a fost efectuată. Banca dumneavoastră poate avea nevoie de încă câteva zile pentru ca suma să apară în extras. Puteți urmări fiecare etapă în contul dumneavoastră, la „Comenzi” → „Retururi”; dacă nu ați trimis încă produsul înapoi, tot de acolo puteți iniția returul. Dacă au trecut mai mult de 10 zile lucrătoare de la sosirea returului și nu ați primit banii, răspundeți „Nu” și un coleg va verifica rambursarea; vă rugăm să aveți la îndemână numărul de urmărire al returului sau bonul de la magazin.",
  },
  {
    category: 'refund_return', lang: 'ro', priority: 0, keywords: [],
    text: "Puteți returna produsele în 14 zile de la livrare sau în termenul mai lung indicat în confirmarea comenzii. Inițiați returul în contul dumneavoastră, la „Comenzi” → „Retururi”: alegeți produsele și motivul, apoi tipăriți eticheta de retur sau prezentați codul QR la punctul de predare al curierului, ori aduceți produsul împreună cu bonul în oricare dintre magazinele noastre. Păstrați dovada expedierii până primiți banii; suma este returnată prin metoda de plată inițială în 5–10 zile lucrătoare de la sosirea returului. Dacă nu găsiți comanda în listă sau returul vă este refuzat, răspundeți „Nu” și un coleg vă va ajuta.",
  },
  {
    category: 'account_access', lang: 'ro', priority: 1,
    keywords: ['parolă', 'parola', 'resetare', 'reseta', 'am uitat', 'blocat', 'cod'],
    text: "Pentru a seta o parolă nouă, alegeți „Ați uitat parola?” pe pagina de autentificare și introduceți adresa de e-mail a contului: vă trimitem un link de resetare valabil o perioadă limitată, așa că folosiți-l întotdeauna pe cel mai recent. Dacă e-mailul nu sosește în câteva minute, verificați dosarul Spam și asigurați-vă că adresa este cea cu care v-ați înregistrat. După mai multe încercări greșite, contul se blochează timp de 30 de minute pentru siguranța dumneavoastră, apoi se deblochează automat. Dacă nu mai aveți acces la acea adresă de e-mail, răspundeți „Nu” și un coleg vă va verifica identitatea și vă va ajuta să intrați în cont.",
  },
  {
    category: 'account_access', lang: 'ro', priority: 0, keywords: [],
    text: "Ne pare rău că întâmpinați dificultăți la conectarea în cont. Vă rugăm să verificați că folosiți adresa de e-mail cu care v-ați înregistrat (este cea pe care primiți confirmările de comandă), că tasta Caps Lock nu este activă și că aplicația sau browserul sunt actualizate; dacă pagina tot nu se încarcă, ștergerea memoriei cache a browserului sau încercarea pe alt dispozitiv ajută adesea. Dacă ați uitat parola, alegeți „Ați uitat parola?” pe pagina de autentificare pentru a primi un link de resetare prin e-mail și verificați dosarul Spam dacă nu îl găsiți. Dacă nimic din toate acestea nu funcționează sau observați comenzi ori modificări pe care nu le-ați făcut, răspundeți „Nu” și un coleg vă va ajuta imediat.",
  },
  {
    category: 'utility_supply', lang: 'ro', priority: 1,
    keywords: ['pană de curent', 'pana de curent', 'fără curent', 'fara curent', 'nu am curent', 'nu avem curent', 'fără gaz', 'fara gaz', 'întrerupere', 'intrerupere', 'avarie', 'deranjament'],
    text: "Ne pare rău că sunteți fără alimentare. Rețeaua, conductele și contoarele sunt administrate de operatorul de distribuție din zona dumneavoastră, nu de noi ca furnizor, așa că doar acesta poate remedia o avarie: numărul său pentru deranjamente, disponibil non-stop, este tipărit pe factură. Înainte de a suna, verificați tabloul electric sau siguranțele și dacă sunt afectați și vecinii, iar la gaze, dacă robinetul de lângă contor este deschis. Dacă simțiți miros de gaze, nu acționați întrerupătoare și nu folosiți foc deschis, părăsiți clădirea și sunați imediat la numărul de urgență de pe factură sau la 112. Dacă alimentarea nu revine sau operatorul vă trimite la noi, răspundeți „Nu” și un coleg îl va contacta în locul dumneavoastră.",
  },
  {
    category: 'utility_supply', lang: 'ro', priority: 1,
    keywords: ['contor', 'index', 'citire', 'autocitire', 'transmit'],
    text: "Puteți transmite indexul contorului oricând, în contul dumneavoastră, la secțiunea „Citiri contor”. La energie electrică, introduceți valoarea afișată pentru fiecare tarif, fără zecimale; la gaze, doar cifrele negre; dacă puteți, atașați și o fotografie a afișajului. Indexurile primite înainte de data de facturare tipărită pe factură sunt folosite pentru factura respectivă, astfel încât plătiți exact ce ați consumat; contoarele inteligente transmit indexul automat. Dacă indexul este respins ca fiind neobișnuit de mare sau de mic ori contorul nu poate fi citit, răspundeți „Nu” și un coleg vă va ajuta.",
  },
  {
    category: 'utility_supply', lang: 'ro', priority: 1,
    keywords: ['schimbare furnizor', 'schimb furnizorul', 'alt furnizor', 'furnizor nou', 'noul furnizor'],
    text: "Schimbarea furnizorului durează de regulă cel mult trei săptămâni, iar alimentarea nu este întreruptă: noul furnizor se ocupă de toate formalitățile cu cel vechi, așa că nu trebuie să reziliați nimic. Dacă treceți la noi, vă puteți retrage în 14 zile de la semnare fără a indica un motiv, iar data și stadiul schimbării apar în contul dumneavoastră, la secțiunea „Contracte”. La data schimbării, vă rugăm să transmiteți indexul la „Citiri contor”, astfel încât factura finală a unui furnizor și prima factură a celuilalt să se potrivească exact; dacă plecați de la noi, factura finală vă sosește în cel mult șase săptămâni. Dacă schimbarea întârzie sau ați primit facturi de la doi furnizori pentru aceeași perioadă, răspundeți „Nu” și un coleg va analiza situația.",
  },
  {
    category: 'utility_supply', lang: 'ro', priority: 0, keywords: [],
    text: "Vă mulțumim că ne-ați scris despre alimentarea cu energie electrică sau gaze. Ca furnizor, ne ocupăm de contract, tarif, indexuri și facturi, în timp ce rețeaua, branșamentul și contorul propriu-zis sunt gestionate de operatorul de distribuție din zona dumneavoastră, al cărui număr pentru deranjamente, disponibil non-stop, este tipărit pe factură. Dacă simțiți miros de gaze, vedeți scântei sau observați orice alt pericol, îndepărtați-vă și sunați imediat la numărul de urgență de pe factură sau la 112. Pentru orice altă situație, răspundeți „Nu” și un coleg se va ocupa de solicitarea dumneavoastră, contactând operatorul de distribuție în locul dumneavoastră acolo unde este nevoie.",
  },
  {
    category: 'service_staff', lang: 'ro', priority: 0, keywords: [],
    text: "Ne pare rău pentru experiența neplăcută pe care ați avut-o; nu este serviciul pe care dorim să îl oferim. Reclamația dumneavoastră este transmisă responsabilului magazinului sau al echipei implicate, care analizează ce s-a întâmplat, inclusiv înregistrările apelurilor sau ale conversațiilor, acolo unde există, și discută cu colegii în cauză pentru ca situația să nu se repete. Nu putem comunica detalii despre măsurile privind angajați individuali, dar fiecare reclamație de acest fel este înregistrată și folosită în instruirea echipelor noastre. Dacă mai este ceva de rezolvat, de exemplu o comandă, o factură sau o promisiune care nu a fost respectată, răspundeți „Nu” și un coleg vă va contacta.",
  },
  {
    category: 'other', lang: 'ro', priority: 0, keywords: [],
    text: "Vă mulțumim că v-ați făcut timp să ne scrieți. Sugestiile și observațiile ca ale dumneavoastră sunt transmise echipei responsabile și analizate lunar; ele ne ajută să decidem ce îmbunătățim în magazine, pe site și în serviciile noastre, chiar dacă nu putem răspunde individual fiecăreia. Dacă mesajul dumneavoastră se referă la o problemă concretă care trebuie încă rezolvată, răspundeți „Nu” și un coleg se va ocupa personal de ea.",
  },

  // ───────────────────────────── فارسی ─────────────────────────────
  {
    category: 'billing', lang: 'fa', priority: 1,
    keywords: ['دو بار', 'دوبار', 'دو مرتبه', 'تکراری', 'دوباره', 'دو برابر'],
    text: "از نگرانی‌ای که پیش آمده پوزش می‌خواهیم. مبلغ دومی که بلافاصله پس از خرید دیده می‌شود، اغلب فقط یک پیش‌مجوز (مسدودی موقت) روی کارت است که هرگز به پرداخت تبدیل نمی‌شود و بانک معمولاً ظرف ۳ تا ۵ روز کاری آن را خودبه‌خود آزاد می‌کند. در حساب کاربری خود، بخش «سفارش‌ها» (یا «قبض‌ها» برای برق و گاز)، همهٔ پرداخت‌هایی را که واقعاً دریافت کرده‌ایم می‌بینید. اگر پس از این مدت هر دو پرداخت همچنان در صورت‌حساب بانکی شما باقی بود، با «خیر» پاسخ دهید تا یکی از همکاران آن‌ها را بررسی کند؛ هر پرداخت تکراری که تأیید شود، ظرف ۵ تا ۱۰ روز کاری به همان کارت یا حساب بازگردانده می‌شود.",
  },
  {
    category: 'billing', lang: 'fa', priority: 1,
    keywords: ['برآوردی', 'تخمینی', 'علی‌الحساب', 'کنتور', 'قرائت', 'مصرف', 'کیلووات'],
    text: "اگر روی قبض برق یا گاز شما «برآوردی» درج شده است، مبلغ آن بر اساس مصرف قبلی شما محاسبه شده، چون قرائت تازه‌ای از کنتور نداشتیم. می‌توانید عدد کنتور را در حساب کاربری خود، بخش «کارکرد کنتور»، ثبت کنید (برای گاز همهٔ ارقام سیاه و برای برق عدد هر تعرفه که روی نمایشگر دیده می‌شود) و در صورت امکان عکسی از کنتور هم پیوست کنید. سپس بر اساس قرائت واقعی، معمولاً ظرف ۵ روز کاری قبض اصلاح‌شده صادر می‌کنیم و هر مبلغی که اضافه پرداخته باشید از قبض بعدی کسر می‌شود یا در صورت درخواست به شما بازگردانده می‌شود. اگر قبلاً عدد کنتور را فرستاده‌اید و قبض هنوز نادرست به نظر می‌رسد، با «خیر» پاسخ دهید تا یکی از همکاران آن را بررسی کند.",
  },
  {
    category: 'billing', lang: 'fa', priority: 0, keywords: [],
    text: "متأسفیم که مبلغ به نظرتان درست نیست. جزئیات کامل را در حساب کاربری خود می‌بینید، در بخش «سفارش‌ها» برای خریدها و در بخش «قبض‌ها» برای برق و گاز، و می‌توانید آن را با تأییدیهٔ سفارش یا تعرفهٔ قراردادتان، از جمله کد تخفیف، هزینهٔ ارسال و دورهٔ صورت‌حساب، مقایسه کنید. در قبض‌های برق و گاز این را هم بررسی کنید که آیا قبض بر اساس برآورد صادر شده است؛ در این صورت کافی است عدد کنتور را در بخش «کارکرد کنتور» ثبت کنید تا قبض اصلاح شود. اگر همچنان فکر می‌کنید مبلغ اشتباه است، با «خیر» پاسخ دهید تا یکی از همکاران دوباره آن را بررسی کند؛ اگر اشتباه از طرف ما باشد، صورت‌حساب اصلاح‌شده برایتان صادر و مابه‌التفاوت ظرف ۵ تا ۱۰ روز کاری به شما بازگردانده می‌شود.",
  },
  {
    category: 'delivery', lang: 'fa', priority: 1,
    keywords: ['تأخیر', 'تاخیر', 'نرسیده', 'نرسید', 'منتظر', 'رهگیری', 'گم شده', 'تحویل نشده', 'کجاست'],
    text: "متأسفیم که رسیدن مرسولهٔ شما بیش از انتظار طول کشیده است. می‌توانید بسته را با پیوند رهگیری موجود در ایمیل ارسال دنبال کنید؛ این پیوند در حساب کاربری شما، بخش «سفارش‌ها»، هم هست و تاریخ تقریبی تحویلی که شرکت حمل اعلام کرده همان‌جا نمایش داده می‌شود. اگر اطلاعات رهگیری ۵ روز کاری تغییری نکرده باشد، یا بسته «تحویل‌شده» ثبت شده ولی به دستتان نرسیده باشد (لطفاً از همسایه‌ها بپرسید و محل تحویل تعیین‌شده و هر اعلانیه‌ای را که پیک گذاشته بررسی کنید)، پیگیری را با شرکت حمل آغاز می‌کنیم. اگر معلوم شود بسته گم شده است، کالای جایگزین برایتان می‌فرستیم یا کل مبلغ را بازمی‌گردانیم؛ با «خیر» پاسخ دهید تا یکی از همکاران پیگیری را شروع کند.",
  },
  {
    category: 'delivery', lang: 'fa', priority: 1,
    keywords: ['اشتباه', 'ناقص', 'کم', 'کسری', 'جا افتاده', 'به جای', 'جابجا'],
    text: "متأسفیم که سفارش شما کامل یا درست به دستتان نرسیده است. سفارش‌هایی که چند کالا دارند گاهی در چند بستهٔ جداگانه ارسال می‌شوند؛ پس لطفاً ابتدا ایمیل‌های ارسال یا بخش «سفارش‌ها» در حساب کاربری خود را ببینید تا مطمئن شوید بستهٔ دیگری در راه نیست. در غیر این صورت، مشکل را در حساب کاربری خود، بخش «سفارش‌ها» ← «گزارش مشکل»، همراه با عکسی از آنچه دریافت کرده‌اید و از برچسب بسته ثبت کنید: کالای جاافتاده یا کالای درست را بدون هزینه برایتان می‌فرستیم یا، اگر ترجیح می‌دهید، مبلغ آن را بازمی‌گردانیم، و برای پس فرستادن کالای اشتباه برچسب مرجوعی رایگان در اختیارتان می‌گذاریم. اگر نمی‌توانید از این فرم استفاده کنید، با «خیر» پاسخ دهید تا یکی از همکاران موضوع را همراه شما حل کند.",
  },
  {
    category: 'delivery', lang: 'fa', priority: 0, keywords: [],
    text: "از اینکه مشکل ارسال را به ما اطلاع دادید سپاسگزاریم. پیوند رهگیری در ایمیل ارسال، که در بخش «سفارش‌ها» در حساب کاربری شما هم هست، نشان می‌دهد بسته کجاست و اگر شرکت حمل چنین امکانی داشته باشد، می‌توانید روز دیگری برای تحویل یا یک نقطهٔ تحویل انتخاب کنید. اگر بسته‌ای ۵ روز کاری جابه‌جا نشده باشد یا «تحویل‌شده» ثبت شده ولی به دستتان نرسیده باشد، پیگیری را با شرکت حمل آغاز می‌کنیم و بستهٔ گم‌شده جایگزین یا مبلغ آن بازگردانده می‌شود. برای هر موضوع دیگری دربارهٔ ارسال، از جمله رفتار پیک، با «خیر» پاسخ دهید تا یکی از همکاران آن را پیگیری کند.",
  },
  {
    category: 'refund_return', lang: 'fa', priority: 1,
    keywords: ['بازپرداخت', 'استرداد', 'پول', 'پولم', 'وجه', 'برگشت پول', 'عودت'],
    text: "بازپرداخت پس از آن انجام می‌شود که کالای مرجوعی به انبار ما برسد یا در یکی از فروشگاه‌های ما تحویل داده شود: مبلغ ظرف ۵ تا ۱۰ روز کاری از رسیدن کالای مرجوعی به همان روش پرداخت اولیه واریز می‌شود و هنگام انجام آن با ایمیل به شما اطلاع می‌دهیم. ممکن است چند روز دیگر طول بکشد تا بانک شما آن را در صورت‌حساب نشان دهد. همهٔ مراحل را می‌توانید در حساب کاربری خود، بخش «سفارش‌ها» ← «مرجوعی‌ها»، دنبال کنید؛ اگر هنوز کالا را پس نفرستاده‌اید، از همان‌جا می‌توانید مرجوعی را آغاز کنید. اگر بیش از ۱۰ روز کاری از رسیدن کالای مرجوعی گذشته و هنوز مبلغی دریافت نکرده‌اید، با «خیر» پاسخ دهید تا یکی از همکاران بازپرداخت را پیگیری کند؛ لطفاً کد رهگیری بستهٔ مرجوعی یا رسید فروشگاه را دم دست داشته باشید.",
  },
  {
    category: 'refund_return', lang: 'fa', priority: 0, keywords: [],
    text: "می‌توانید کالاها را ظرف ۱۴ روز از تحویل، یا در مهلت طولانی‌تری که در تأییدیهٔ سفارش آمده است، مرجوع کنید. مرجوعی را در حساب کاربری خود، بخش «سفارش‌ها» ← «مرجوعی‌ها»، آغاز کنید: کالاها و دلیل مرجوعی را انتخاب کنید، سپس برچسب مرجوعی را چاپ کنید یا کد QR را در نقطهٔ تحویل شرکت حمل نشان دهید، یا کالا را همراه با رسید خرید به هر یک از فروشگاه‌های ما بیاورید. لطفاً رسید ارسال را تا زمان دریافت مبلغ نگه دارید؛ مبلغ ظرف ۵ تا ۱۰ روز کاری از رسیدن کالای مرجوعی به روش پرداخت اولیه بازگردانده می‌شود. اگر سفارشتان در فهرست نیست یا مرجوعی پذیرفته نمی‌شود، با «خیر» پاسخ دهید تا یکی از همکاران به شما کمک کند.",
  },
  {
    category: 'account_access', lang: 'fa', priority: 1,
    keywords: ['رمز', 'گذرواژه', 'فراموش', 'بازیابی', 'قفل', 'مسدود', 'کد'],
    text: "برای تعیین رمز عبور جدید، در صفحهٔ ورود گزینهٔ «رمز عبور را فراموش کرده‌اید؟» را بزنید و نشانی ایمیل حساب خود را وارد کنید: پیوند بازنشانی‌ای برایتان می‌فرستیم که مدت محدودی اعتبار دارد، پس همیشه از جدیدترین پیوند استفاده کنید. اگر ایمیل ظرف چند دقیقه نرسید، پوشهٔ هرزنامه (Spam) را ببینید و مطمئن شوید نشانی همان است که با آن ثبت‌نام کرده‌اید. پس از چند تلاش نادرست، حساب برای حفظ امنیت شما ۳۰ دقیقه قفل می‌شود و پس از آن خودبه‌خود باز می‌شود. اگر دیگر به آن نشانی ایمیل دسترسی ندارید، با «خیر» پاسخ دهید تا یکی از همکاران هویت شما را تأیید کند و برای ورود به حساب کمکتان کند.",
  },
  {
    category: 'account_access', lang: 'fa', priority: 0, keywords: [],
    text: "متأسفیم که در ورود به حساب کاربری خود مشکل دارید. لطفاً بررسی کنید که با همان نشانی ایمیلی وارد می‌شوید که با آن ثبت‌نام کرده‌اید (همان نشانی که تأییدیه‌های سفارش به آن فرستاده می‌شود)، کلید Caps Lock روشن نیست و برنامه یا مرورگرتان به‌روز است؛ اگر صفحه باز هم باز نمی‌شود، پاک کردن حافظهٔ پنهان (cache) مرورگر یا امتحان با دستگاه دیگر اغلب کمک می‌کند. اگر رمز عبور را فراموش کرده‌اید، در صفحهٔ ورود گزینهٔ «رمز عبور را فراموش کرده‌اید؟» را بزنید تا پیوند بازنشانی برایتان ایمیل شود و اگر آن را نیافتید، پوشهٔ هرزنامه را هم ببینید. اگر هیچ‌کدام از این‌ها نتیجه نداد یا سفارش‌ها یا تغییراتی می‌بینید که خودتان انجام نداده‌اید، با «خیر» پاسخ دهید تا یکی از همکاران فوراً به شما کمک کند.",
  },
  {
    category: 'utility_supply', lang: 'fa', priority: 1,
    keywords: ['قطعی', 'قطع برق', 'قطع گاز', 'برق رفته', 'برق نداریم', 'گاز نداریم', 'خاموشی', 'بدون برق', 'بدون گاز'],
    text: "متأسفیم که برق یا گاز شما قطع شده است. شبکه، لوله‌ها و کنتورها را شرکت توزیع منطقهٔ شما اداره می‌کند، نه ما به‌عنوان تأمین‌کننده، پس فقط همان شرکت می‌تواند خرابی را برطرف کند: شمارهٔ شبانه‌روزی اعلام خرابی آن روی قبض شما چاپ شده است. پیش از تماس، جعبهٔ فیوز یا کلید اصلی را بررسی کنید و ببینید همسایه‌ها هم همین مشکل را دارند یا نه؛ برای گاز هم مطمئن شوید شیر کنار کنتور باز است. اگر بوی گاز حس می‌کنید، به کلیدهای برق دست نزنید و از شعلهٔ باز استفاده نکنید، ساختمان را ترک کنید و فوراً با شمارهٔ اضطراری روی قبض یا ۱۱۲ تماس بگیرید. اگر برق یا گاز وصل نشد یا شرکت توزیع شما را به ما ارجاع داد، با «خیر» پاسخ دهید تا یکی از همکاران از طرف شما با آن شرکت تماس بگیرد.",
  },
  {
    category: 'utility_supply', lang: 'fa', priority: 1,
    keywords: ['کنتور', 'قرائت', 'عدد کنتور', 'کارکرد'],
    text: "می‌توانید عدد کنتور را هر زمان در حساب کاربری خود، بخش «کارکرد کنتور»، ثبت کنید. برای برق عددی را که برای هر تعرفه روی نمایشگر دیده می‌شود بدون اعشار وارد کنید و برای گاز فقط ارقام سیاه را؛ در صورت امکان عکسی از نمایشگر هم پیوست کنید. عددهایی که پیش از تاریخ صدور درج‌شده روی قبض به دست ما برسد، در همان قبض به کار می‌رود تا دقیقاً به اندازهٔ مصرف واقعی خود پرداخت کنید؛ کنتورهای هوشمند عدد را خودکار می‌فرستند. اگر عدد ثبت‌شده به دلیل زیاد یا کم بودن غیرعادی پذیرفته نشد یا خواندن کنتور ممکن نیست، با «خیر» پاسخ دهید تا یکی از همکاران کمکتان کند.",
  },
  {
    category: 'utility_supply', lang: 'fa', priority: 1,
    keywords: ['تغییر تأمین‌کننده', 'تأمین‌کننده جدید', 'تأمین‌کننده دیگر', 'تغییر شرکت', 'انتقال قرارداد'],
    text: "تغییر تأمین‌کننده معمولاً حداکثر سه هفته طول می‌کشد و در این مدت برق یا گاز شما قطع نمی‌شود: تأمین‌کنندهٔ جدید همهٔ کارها را با تأمین‌کنندهٔ قبلی هماهنگ می‌کند و لازم نیست خودتان چیزی را لغو کنید. اگر به ما می‌پیوندید، می‌توانید ظرف ۱۴ روز از امضای قرارداد و بدون ذکر دلیل انصراف دهید، و تاریخ و وضعیت انتقال در حساب کاربری شما، بخش «قراردادها»، نمایش داده می‌شود. لطفاً در روز انتقال عدد کنتور را در بخش «کارکرد کنتور» ثبت کنید تا قبض پایانی یک تأمین‌کننده و نخستین قبض دیگری دقیقاً با هم جور درآیند؛ اگر از ما جدا می‌شوید، قبض پایانی حداکثر ظرف شش هفته به دستتان می‌رسد. اگر انتقال طول کشیده یا برای یک دوره از دو تأمین‌کننده قبض گرفته‌اید، با «خیر» پاسخ دهید تا یکی از همکاران موضوع را بررسی کند.",
  },
  {
    category: 'utility_supply', lang: 'fa', priority: 0, keywords: [],
    text: "از اینکه دربارهٔ برق یا گاز خود برای ما نوشتید سپاسگزاریم. ما به‌عنوان تأمین‌کننده به قرارداد، تعرفه، عدد کنتور و قبض‌ها رسیدگی می‌کنیم، اما شبکه، انشعاب و خود کنتور در اختیار شرکت توزیع منطقهٔ شماست که شمارهٔ شبانه‌روزی اعلام خرابی آن روی قبض چاپ شده است. اگر بوی گاز حس می‌کنید، جرقه می‌بینید یا هر خطر دیگری وجود دارد، از محل دور شوید و فوراً با شمارهٔ اضطراری روی قبض یا ۱۱۲ تماس بگیرید. در غیر این صورت، با «خیر» پاسخ دهید تا یکی از همکاران به درخواست شما رسیدگی کند و در صورت نیاز از طرف شما با شرکت توزیع تماس بگیرد.",
  },
  {
    category: 'service_staff', lang: 'fa', priority: 0, keywords: [],
    text: "از برخوردی که با آن روبه‌رو شدید صمیمانه پوزش می‌خواهیم؛ این خدمتی نیست که می‌خواهیم ارائه دهیم. شکایت شما به مدیر فروشگاه یا تیم مربوط ارجاع می‌شود تا آنچه را رخ داده، در صورت وجود با کمک ضبط تماس یا گفتگو، بررسی کند و با همکاران مربوط در میان بگذارد تا دیگر تکرار نشود. نمی‌توانیم جزئیات اقدامات مربوط به تک‌تک کارکنان را اعلام کنیم، اما همهٔ شکایت‌هایی از این دست ثبت می‌شوند و در آموزش تیم‌های ما به کار می‌روند. اگر هنوز موضوعی مانده که باید حل شود، مثلاً یک سفارش، یک قبض یا قولی که به آن عمل نشده، با «خیر» پاسخ دهید تا یکی از همکاران با شما تماس بگیرد.",
  },
  {
    category: 'other', lang: 'fa', priority: 0, keywords: [],
    text: "از اینکه وقت گذاشتید و برای ما نوشتید سپاسگزاریم. پیشنهادها و نظراتی مانند نظر شما به تیم مسئول فرستاده و هر ماه بررسی می‌شود؛ این نظرات به ما کمک می‌کند تصمیم بگیریم چه چیزی را در فروشگاه‌ها، وب‌سایت و خدماتمان بهتر کنیم، هرچند نمی‌توانیم به تک‌تک آن‌ها جداگانه پاسخ دهیم. اگر پیام شما دربارهٔ مشکل مشخصی است که هنوز باید حل شود، با «خیر» پاسخ دهید تا یکی از همکاران شخصاً به آن رسیدگی کند.",
  },

  // ───────────────────────────── Русский ─────────────────────────────
  {
    category: 'billing', lang: 'ru', priority: 1,
    keywords: ['дважды', 'два раза', 'двойной', 'повторно', 'дубль', 'две оплаты', 'два списания'],
    text: "Приносим извинения за беспокойство. Вторая сумма, которая появляется сразу после покупки, чаще всего лишь временная блокировка (предавторизация) на карте, которая так и не становится списанием: банк снимает её автоматически, обычно в течение 3–5 рабочих дней. В личном кабинете, в разделе «Заказы» (или «Счета», для электроэнергии и газа), видны все платежи, которые мы действительно получили. Если по истечении этого срока в банковской выписке по-прежнему два списания, ответьте «Нет», и сотрудник их проверит; любой подтверждённый двойной платёж мы вернём на ту же карту или счёт в течение 5–10 рабочих дней.",
  },
  {
    category: 'billing', lang: 'ru', priority: 1,
    keywords: ['расчётный', 'по среднему', 'норматив', 'счётчик', 'показания', 'потребление', 'квт'],
    text: "Если в вашем счёте за электроэнергию или газ указано, что начисление расчётное, сумма определена по вашему прежнему потреблению, потому что у нас не было свежих показаний счётчика. Передайте показания в личном кабинете, в разделе «Показания счётчика» (для газа — все чёрные цифры, для электроэнергии — значение по каждому тарифу на табло), по возможности с фотографией счётчика. После этого мы выставим исправленный счёт по фактическим показаниям, обычно в течение 5 рабочих дней, а переплата будет зачтена в следующий счёт или возвращена по вашему запросу. Если вы уже передавали показания, а счёт всё равно кажется неверным, ответьте «Нет», и сотрудник его проверит.",
  },
  {
    category: 'billing', lang: 'ru', priority: 0, keywords: [],
    text: "Жаль, что сумма кажется вам неверной. Полная расшифровка есть в личном кабинете — в разделе «Заказы» для покупок и в разделе «Счета» для электроэнергии и газа, — и её можно сверить с подтверждением заказа или вашим тарифом, включая промокоды, стоимость доставки и расчётный период. В счетах за электроэнергию и газ проверьте также, не расчётное ли это начисление: в таком случае достаточно передать показания в разделе «Показания счётчика», и счёт будет исправлен. Если вы по-прежнему считаете, что сумма неверна, ответьте «Нет», и сотрудник перепроверит её; если ошибка наша, вы получите исправленный счёт, а разница будет возвращена в течение 5–10 рабочих дней.",
  },
  {
    category: 'delivery', lang: 'ru', priority: 1,
    keywords: ['задержка', 'задерживается', 'опаздывает', 'не пришёл', 'не пришла', 'не доставлен', 'не доставили', 'жду', 'ждём', 'отслеживание', 'трек', 'потеряли', 'где'],
    text: "Сожалеем, что доставка занимает больше времени, чем ожидалось. Отследить посылку можно по ссылке в письме об отправке; она же есть в личном кабинете, в разделе «Заказы», где указана и ожидаемая дата доставки. Если статус отслеживания не меняется 5 рабочих дней или посылка значится доставленной, но вы её не получили (пожалуйста, спросите соседей, проверьте условленное место для посылки и извещение курьера), мы начнём расследование у перевозчика. Если выяснится, что посылка утеряна, мы отправим замену или вернём всю сумму: ответьте «Нет», и сотрудник начнёт расследование.",
  },
  {
    category: 'delivery', lang: 'ru', priority: 1,
    keywords: ['не тот', 'не та', 'не то', 'не хватает', 'недостающий', 'отсутствует', 'неполный', 'другой товар', 'вместо', 'перепутали'],
    text: "Сожалеем, что заказ пришёл неполным или с другим товаром. Заказы из нескольких товаров иногда отправляются разными посылками, поэтому сначала проверьте письма об отправке или раздел «Заказы» в личном кабинете: возможно, ещё одна посылка в пути. Если нет, сообщите о проблеме в личном кабинете, в разделе «Заказы» → «Сообщить о проблеме», приложив фото полученного товара и этикетки посылки: мы бесплатно отправим недостающий или правильный товар или, если хотите, вернём деньги, а для возврата ошибочно присланного товара предоставим бесплатную транспортную этикетку. Если воспользоваться формой не получается, ответьте «Нет», и сотрудник решит вопрос вместе с вами.",
  },
  {
    category: 'delivery', lang: 'ru', priority: 0, keywords: [],
    text: "Спасибо, что сообщили о проблеме с доставкой. Ссылка для отслеживания в письме об отправке (она есть и в разделе «Заказы» личного кабинета) показывает, где находится посылка, а если перевозчик это позволяет, там же можно выбрать другой день доставки или пункт выдачи. Если посылка не движется 5 рабочих дней или значится доставленной, но до вас не дошла, мы начинаем расследование у перевозчика, а утерянную посылку заменяем или возвращаем её стоимость. По любому другому вопросу доставки, в том числе о поведении курьера, ответьте «Нет», и сотрудник им займётся.",
  },
  {
    category: 'refund_return', lang: 'ru', priority: 1,
    keywords: ['деньги', 'возврат денег', 'возврат средств', 'вернуть деньги', 'не вернули', 'возмещение'],
    text: "Деньги возвращаются после того, как возвращённый товар поступит на наш склад или будет сдан в одном из наших магазинов: сумма зачисляется тем же способом, которым вы платили, в течение 5–10 рабочих дней с момента поступления возврата, и мы сообщаем вам по электронной почте, когда возврат средств оформлен. Банку может понадобиться ещё несколько дней, чтобы сумма отразилась в выписке. Все этапы видны в личном кабинете, в разделе «Заказы» → «Возвраты»; если вы ещё не отправили товар, там же можно оформить возврат. Если с момента поступления возврата прошло больше 10 рабочих дней, а денег всё нет, ответьте «Нет», и сотрудник проверит платёж; пожалуйста, держите под рукой трек-номер возвратной посылки или чек магазина.",
  },
  {
    category: 'refund_return', lang: 'ru', priority: 0, keywords: [],
    text: "Вернуть товар можно в течение 14 дней с момента доставки или в течение более длительного срока, если он указан в подтверждении заказа. Оформите возврат в личном кабинете, в разделе «Заказы» → «Возвраты»: выберите товары и причину, затем распечатайте возвратную этикетку или покажите QR-код в пункте приёма перевозчика либо принесите товар с чеком в любой наш магазин. Сохраните квитанцию об отправке до получения денег; сумма возвращается тем же способом оплаты в течение 5–10 рабочих дней с момента поступления возврата. Если вашего заказа нет в списке или в возврате отказано, ответьте «Нет», и сотрудник вам поможет.",
  },
  {
    category: 'account_access', lang: 'ru', priority: 1,
    keywords: ['пароль', 'сброс', 'забыл', 'восстановить', 'восстановление', 'заблокирован', 'код'],
    text: "Чтобы задать новый пароль, нажмите «Забыли пароль?» на странице входа и укажите адрес электронной почты, на который зарегистрирован аккаунт: мы пришлём ссылку для сброса, которая действует ограниченное время, поэтому всегда используйте самую последнюю. Если письмо не пришло в течение нескольких минут, проверьте папку «Спам» и убедитесь, что указали тот адрес, с которым регистрировались. После нескольких неудачных попыток аккаунт в целях безопасности блокируется на 30 минут, а затем разблокируется автоматически. Если доступа к этой почте у вас больше нет, ответьте «Нет», и сотрудник подтвердит вашу личность и поможет войти.",
  },
  {
    category: 'account_access', lang: 'ru', priority: 0, keywords: [],
    text: "Жаль, что не получается войти в личный кабинет. Проверьте, пожалуйста, что вы вводите адрес электронной почты, с которым регистрировались (на него приходят подтверждения заказов), что не включён Caps Lock и что приложение или браузер обновлены; если страница всё равно не открывается, часто помогает очистка кэша браузера или вход с другого устройства. Если вы забыли пароль, нажмите «Забыли пароль?» на странице входа, и мы пришлём ссылку для сброса на почту; если письма нет, загляните в папку «Спам». Если ничего из этого не помогло или вы видите заказы либо изменения, которых не делали, ответьте «Нет», и сотрудник сразу вам поможет.",
  },
  {
    category: 'utility_supply', lang: 'ru', priority: 1,
    keywords: ['нет света', 'нет электричества', 'нет газа', 'без света', 'без электричества', 'без газа', 'отключение', 'авария', 'пропал свет', 'пропало электричество'],
    text: "Сожалеем, что у вас пропало электричество или газ. Сети, трубы и счётчики обслуживает местная сетевая (распределительная) компания, а не мы как поставщик, поэтому устранить аварию может только она: номер её круглосуточной аварийной службы указан в вашем счёте. Перед звонком проверьте электрощиток или автоматы и есть ли свет у соседей, а для газа — открыт ли кран возле счётчика. Если чувствуете запах газа, не пользуйтесь выключателями и открытым огнём, покиньте помещение и сразу позвоните по аварийному номеру из счёта или 112. Если подача не восстанавливается или сетевая компания направляет вас к нам, ответьте «Нет», и сотрудник свяжется с ней за вас.",
  },
  {
    category: 'utility_supply', lang: 'ru', priority: 1,
    keywords: ['счётчик', 'показания', 'передать показания', 'снять показания'],
    text: "Передать показания счётчика можно в любое время в личном кабинете, в разделе «Показания счётчика». Для электроэнергии укажите значение по каждому тарифу на табло без цифр после запятой, для газа — только чёрные цифры; по возможности приложите фото табло. Показания, полученные до даты выставления счёта, указанной в нём, учитываются в этом счёте, так что вы платите ровно за то, что потребили; умные счётчики передают показания автоматически. Если показания отклонены как необычно высокие или низкие либо счётчик невозможно считать, ответьте «Нет», и сотрудник поможет.",
  },
  {
    category: 'utility_supply', lang: 'ru', priority: 1,
    keywords: ['смена поставщика', 'другой поставщик', 'новый поставщик', 'перейти', 'переход'],
    text: "Смена поставщика обычно занимает не больше трёх недель, и подача энергии при этом не прерывается: новый поставщик сам всё согласует с прежним, так что расторгать договор самостоятельно не нужно. Если вы переходите к нам, в течение 14 дней после подписания договора вы можете отказаться от него без объяснения причин, а дата и статус перехода видны в личном кабинете, в разделе «Договоры». В день перехода передайте, пожалуйста, показания в разделе «Показания счётчика», чтобы итоговый счёт одного поставщика и первый счёт другого точно совпали; если вы уходите от нас, итоговый счёт придёт не позднее чем через шесть недель. Если переход затянулся или вы получили счета от двух поставщиков за один и тот же период, ответьте «Нет», и сотрудник разберётся.",
  },
  {
    category: 'utility_supply', lang: 'ru', priority: 0, keywords: [],
    text: "Спасибо, что написали нам об электроснабжении или газоснабжении. Мы как поставщик отвечаем за договор, тариф, показания и счета, а сети, подключение и сам счётчик находятся в ведении местной сетевой компании, номер круглосуточной аварийной службы которой указан в счёте. Если вы чувствуете запах газа, видите искрение или есть любая другая опасность, отойдите в безопасное место и сразу позвоните по аварийному номеру из счёта или 112. В остальных случаях ответьте «Нет», и сотрудник займётся вашим вопросом, при необходимости связавшись с сетевой компанией за вас.",
  },
  {
    category: 'service_staff', lang: 'ru', priority: 0, keywords: [],
    text: "Приносим извинения за то, как с вами обошлись: это не тот сервис, который мы хотим предлагать. Ваша жалоба передаётся руководителю магазина или команды, о которой идёт речь: он разберёт, что произошло, в том числе по записям звонков или переписки, если они есть, и обсудит случай с сотрудниками, чтобы он не повторился. Мы не можем сообщать подробности о мерах в отношении конкретных сотрудников, но каждая подобная жалоба учитывается и используется при обучении наших команд. Если остался нерешённый вопрос, например заказ, счёт или невыполненное обещание, ответьте «Нет», и сотрудник свяжется с вами.",
  },
  {
    category: 'other', lang: 'ru', priority: 0, keywords: [],
    text: "Спасибо, что нашли время написать нам. Предложения и замечания, подобные вашим, передаются ответственной команде и рассматриваются ежемесячно; они помогают нам решать, что улучшить в магазинах, на сайте и в наших услугах, хотя ответить на каждое лично мы не можем. Если ваше сообщение касается конкретной проблемы, которую ещё нужно решить, ответьте «Нет», и сотрудник займётся ею лично.",
  },

  // ───────────────────────────── Português (Brasil) ─────────────────────────────
  {
    category: 'billing', lang: 'pt', priority: 1,
    keywords: ['duas vezes', 'em dobro', 'duplicidade', 'cobrança dupla', 'dois pagamentos'],
    text: "Pedimos desculpas pelo transtorno. Um segundo valor que aparece logo depois de uma compra costuma ser apenas uma pré-autorização no cartão, que nunca vira cobrança: o banco a libera automaticamente, normalmente em 3 a 5 dias úteis. Na sua conta, em “Pedidos” (ou em “Faturas”, para luz e gás), você vê todos os pagamentos que realmente recebemos. Se, depois desse prazo, as duas cobranças continuarem no seu extrato, responda “Não” e um atendente vai verificá-las; qualquer pagamento em duplicidade confirmado é estornado no mesmo cartão ou conta em 5 a 10 dias úteis.",
  },
  {
    category: 'billing', lang: 'pt', priority: 1,
    keywords: ['estimativa', 'pela média', 'medidor', 'leitura', 'consumo', 'kwh'],
    text: "Se a sua fatura de luz ou gás indica consumo estimado (pela média), o valor foi calculado com base no seu consumo anterior, porque não tínhamos uma leitura recente do medidor. Você pode enviar a leitura na sua conta, em “Leituras do medidor” (no gás, todos os números pretos; na luz, o valor de cada posto tarifário mostrado no visor), de preferência com uma foto do medidor. Depois emitimos uma fatura corrigida com base na leitura real, normalmente em até 5 dias úteis, e o que você tiver pago a mais é abatido da próxima fatura ou devolvido, se você pedir. Se você já enviou a leitura e a fatura ainda parece errada, responda “Não” e um atendente vai conferi-la.",
  },
  {
    category: 'billing', lang: 'pt', priority: 0, keywords: [],
    text: "Sentimos muito que o valor não pareça correto. O detalhamento completo está na sua conta, em “Pedidos” para compras e em “Faturas” para luz e gás, e você pode compará-lo com a confirmação do pedido ou com a sua tarifa, incluindo cupons de desconto, frete e período de faturamento. Nas faturas de luz e gás, confira também se a cobrança foi feita por estimativa: nesse caso, basta enviar a leitura em “Leituras do medidor” para que a fatura seja corrigida. Se ainda achar que o valor está errado, responda “Não” e um atendente vai revisá-lo; se o erro for nosso, você recebe uma fatura corrigida e a diferença é devolvida em 5 a 10 dias úteis.",
  },
  {
    category: 'delivery', lang: 'pt', priority: 1,
    keywords: ['atraso', 'não chegou', 'rastreio', 'rastreamento', 'extraviado', 'perdido', 'não foi entregue', 'cadê', 'onde está'],
    text: "Sentimos muito que a entrega esteja demorando mais do que o previsto. Você pode acompanhar o pacote pelo link de rastreio no e-mail de envio, que também está na sua conta, em “Pedidos”, junto com a data estimada de entrega da transportadora. Se o rastreio não mudar por 5 dias úteis, ou se o pacote aparecer como entregue sem que você o tenha recebido (pergunte aos vizinhos ou na portaria e confira o local combinado e qualquer aviso deixado pelo entregador), abrimos uma investigação com a transportadora. Se ficar confirmado que o pacote foi extraviado, enviamos um produto novo ou devolvemos o valor total: responda “Não” e um atendente abre a investigação.",
  },
  {
    category: 'delivery', lang: 'pt', priority: 1,
    keywords: ['errado', 'faltando', 'incompleto', 'outro produto', 'no lugar de', 'trocado'],
    text: "Sentimos muito que o seu pedido não tenha chegado completo ou correto. Pedidos com vários itens às vezes são enviados em pacotes separados, então confira primeiro os e-mails de envio ou a área “Pedidos” da sua conta para ver se ainda há outro pacote a caminho. Se não houver, informe o problema na sua conta, em “Pedidos” → “Relatar um problema”, com uma foto do que você recebeu e da etiqueta do pacote: enviamos sem custo o item que faltou ou o item certo ou, se preferir, devolvemos o valor, e para um item errado fornecemos uma etiqueta de devolução gratuita. Se não conseguir usar o formulário, responda “Não” e um atendente vai resolver isso com você.",
  },
  {
    category: 'delivery', lang: 'pt', priority: 0, keywords: [],
    text: "Obrigado por nos avisar sobre o problema com a entrega. O link de rastreio no e-mail de envio, que também fica em “Pedidos” na sua conta, mostra onde o pacote está e, quando a transportadora oferece essa opção, permite escolher outro dia de entrega ou um ponto de retirada. Se um pacote ficar parado por 5 dias úteis ou constar como entregue sem ter chegado até você, abrimos uma investigação com a transportadora, e um pacote extraviado é reenviado ou reembolsado. Para qualquer outra questão sobre a entrega, inclusive a conduta do entregador, responda “Não” e um atendente vai cuidar disso.",
  },
  {
    category: 'refund_return', lang: 'pt', priority: 1,
    keywords: ['reembolso', 'estorno', 'dinheiro', 'dinheiro de volta', 'ressarcimento'],
    text: "O reembolso é feito depois que o produto devolvido chega ao nosso centro de distribuição ou é entregue em uma das nossas lojas: o valor é creditado na forma de pagamento original em 5 a 10 dias úteis a partir da chegada da devolução, e avisamos você por e-mail quando o reembolso for emitido. No cartão de crédito, o estorno pode aparecer só na fatura seguinte, dependendo da data de fechamento. Você acompanha cada etapa na sua conta, em “Pedidos” → “Devoluções”; se ainda não enviou o produto de volta, também pode iniciar a devolução por lá. Se já se passaram mais de 10 dias úteis desde a chegada da devolução e o dinheiro não caiu, responda “Não” e um atendente vai rastrear o reembolso; tenha em mãos o código de rastreio da devolução ou o comprovante da loja.",
  },
  {
    category: 'refund_return', lang: 'pt', priority: 0, keywords: [],
    text: "Você pode devolver produtos em até 14 dias após a entrega, ou no prazo maior indicado na confirmação do pedido. Inicie a devolução na sua conta, em “Pedidos” → “Devoluções”: escolha os itens e o motivo, depois imprima a etiqueta de devolução ou mostre o QR code no ponto de postagem da transportadora, ou leve o produto com o comprovante de compra a qualquer uma das nossas lojas. Guarde o comprovante de postagem até receber o reembolso, que é creditado na forma de pagamento original em 5 a 10 dias úteis a partir da chegada da devolução. Se o seu pedido não aparecer na lista ou a devolução for recusada, responda “Não” e um atendente vai ajudar você.",
  },
  {
    category: 'account_access', lang: 'pt', priority: 1,
    keywords: ['senha', 'redefinir', 'esqueci', 'recuperar', 'bloqueada', 'código'],
    text: "Para criar uma nova senha, toque em “Esqueci minha senha” na página de login e informe o e-mail da sua conta: enviamos um link de redefinição que vale por tempo limitado, por isso use sempre o mais recente. Se o e-mail não chegar em alguns minutos, confira a pasta de spam ou lixo eletrônico e verifique se o endereço é o mesmo do cadastro. Depois de várias tentativas erradas, a conta fica bloqueada por 30 minutos para a sua segurança e depois é desbloqueada automaticamente. Se você não tem mais acesso a esse e-mail, responda “Não” e um atendente vai confirmar a sua identidade e ajudar você a entrar.",
  },
  {
    category: 'account_access', lang: 'pt', priority: 0, keywords: [],
    text: "Sentimos muito que você esteja com dificuldade para entrar na sua conta. Confira se está usando o e-mail do cadastro (é o que recebe as confirmações de pedido), se o Caps Lock está desligado e se o aplicativo ou o navegador está atualizado; se a página ainda não abrir, limpar o cache do navegador ou tentar em outro aparelho costuma resolver. Se esqueceu a senha, toque em “Esqueci minha senha” na página de login para receber um link de redefinição por e-mail e, se ele não aparecer, confira a pasta de spam. Se nada disso funcionar, ou se você notar pedidos ou alterações que não fez, responda “Não” e um atendente vai ajudar você imediatamente.",
  },
  {
    category: 'utility_supply', lang: 'pt', priority: 1,
    keywords: ['falta de luz', 'falta de energia', 'sem luz', 'sem energia', 'sem gás', 'queda de energia', 'apagão', 'interrupção', 'acabou a luz'],
    text: "Sentimos muito que você esteja sem luz ou sem gás. A rede, a tubulação e os medidores são de responsabilidade da distribuidora da sua região, e não nossa como fornecedora, por isso só ela pode consertar a falha: o telefone de emergência dela, que atende 24 horas, está impresso na sua fatura. Antes de ligar, confira o quadro de disjuntores ou a chave geral e se os vizinhos também estão sem fornecimento; no gás, veja se o registro ao lado do medidor está aberto. Se sentir cheiro de gás, não acione interruptores nem use chamas, saia do imóvel e ligue imediatamente para o número de emergência da fatura ou para o 112. Se o fornecimento não voltar ou a distribuidora encaminhar você para nós, responda “Não” e um atendente entra em contato com ela por você.",
  },
  {
    category: 'utility_supply', lang: 'pt', priority: 1,
    keywords: ['medidor', 'leitura', 'relógio', 'autoleitura', 'informar a leitura'],
    text: "Você pode enviar a leitura do medidor a qualquer momento na sua conta, em “Leituras do medidor”. Na luz, informe o valor de cada posto tarifário mostrado no visor, sem as casas decimais; no gás, só os números pretos; se puder, anexe uma foto do visor. As leituras recebidas antes da data de faturamento impressa na fatura entram nessa fatura, para que você pague exatamente o que consumiu; os medidores inteligentes enviam a leitura automaticamente. Se a leitura for recusada por parecer alta ou baixa demais, ou se não for possível ler o medidor, responda “Não” e um atendente vai ajudar você.",
  },
  {
    category: 'utility_supply', lang: 'pt', priority: 1,
    keywords: ['trocar de fornecedor', 'mudar de fornecedor', 'mudança de fornecedor', 'outro fornecedor', 'novo fornecedor', 'portabilidade'],
    text: "A troca de fornecedor normalmente leva no máximo três semanas e o fornecimento não é interrompido: o novo fornecedor cuida de tudo com o anterior, então você não precisa cancelar nada por conta própria. Se você está vindo para nós, pode desistir em até 14 dias após a assinatura sem precisar dar um motivo, e a data e a situação da troca aparecem na sua conta, em “Contratos”. No dia da troca, envie a leitura em “Leituras do medidor” para que a fatura final de um fornecedor e a primeira fatura do outro batam exatamente; se você está saindo, a sua fatura final chega em até seis semanas. Se a troca atrasar ou você receber faturas de dois fornecedores pelo mesmo período, responda “Não” e um atendente vai analisar o caso.",
  },
  {
    category: 'utility_supply', lang: 'pt', priority: 0, keywords: [],
    text: "Obrigado por nos escrever sobre o seu fornecimento de luz ou gás. Como fornecedora, cuidamos do contrato, da tarifa, das leituras e das faturas, enquanto a rede, a ligação e o próprio medidor ficam a cargo da distribuidora da sua região, cujo telefone de emergência 24 horas está impresso na fatura. Se sentir cheiro de gás, vir faíscas ou notar qualquer outro perigo, afaste-se do local e ligue imediatamente para o número de emergência da fatura ou para o 112. Em qualquer outro caso, responda “Não” e um atendente vai cuidar da sua solicitação, entrando em contato com a distribuidora por você quando for preciso.",
  },
  {
    category: 'service_staff', lang: 'pt', priority: 0, keywords: [],
    text: "Pedimos desculpas pelo atendimento que você recebeu; esse não é o serviço que queremos oferecer. A sua reclamação é encaminhada ao gerente da loja ou da equipe envolvida, que analisa o que aconteceu, inclusive gravações de ligações ou conversas quando existirem, e conversa com os colaboradores envolvidos para que isso não se repita. Não podemos divulgar detalhes sobre medidas relativas a funcionários específicos, mas toda reclamação como a sua é registrada e usada nos treinamentos das nossas equipes. Se ainda houver algo a resolver, como um pedido, uma fatura ou uma promessa que não foi cumprida, responda “Não” e um atendente vai entrar em contato com você.",
  },
  {
    category: 'other', lang: 'pt', priority: 0, keywords: [],
    text: "Obrigado por dedicar um tempo para nos escrever. Sugestões e comentários como o seu são encaminhados à equipe responsável e analisados todos os meses; eles nos ajudam a decidir o que melhorar nas lojas, no site e nos nossos serviços, embora não seja possível responder a cada um individualmente. Se a sua mensagem for sobre um problema específico que ainda precisa ser resolvido, responda “Não” e um atendente vai cuidar dele pessoalmente.",
  },
];
