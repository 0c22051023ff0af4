import { ACCOUNT, FOOD, SAFETY, type SafetyVocabulary } from './vocab';

// Romanian is typed with and without ș/ț/ă/â/î; folded text has none, so neither do the patterns.
export const ro: SafetyVocabulary = {
  rules: [
    ['fire', SAFETY, '(a |au )?(luat|ia|lua|iau) foc|foc(ul)?|flacar(a|i|ile)|in flacari|incendi~|arde (cu flacara)?'],
    ['smoke', SAFETY, 'fum(ul|uri|ega|egat|egand|ea)?|scoate fum|iese fum'],
    ['sparks', SAFETY, 'scantei~|scanteie|scanteia|scapara~'],
    ['burn', SAFETY, '(m|s|l|ne|te)-?a(m|u)? ars|ars(a|e|i|ura|uri|urile|ura)|arde(a|au)?|opari~|topit(a|e|i)?|s-a topit'],
    ['overheat', SAFETY, 'supraincalz~|se (incinge|incalzeste) (foarte |prea |tare )?(tare|mult|rau)?|incins(a|e|i)?|fierbinte|se incalzea'],
    ['explosion', SAFETY, 'explo(dat|dează|deaza|zie|zia|ziv|ziei)|a sarit in aer|a crapat|a pocnit|a bubuit'],
    ['shock', SAFETY, 'electrocut~|curentat~|(m|l|ne|te|i)-?a (prins|curentat|scuturat|electrocutat)( curentul)?|(m|l|ne|i)-?a (dat|trecut) (un )?curent|soc(uri)? electric~|a dat (la )?curent|da curent|am luat (un )?(soc|curent)'],
    ['gas', SAFETY, 'miros(ul)? (puternic |urat )?de gaz(e)?|miroase (puternic |urat )?a gaz(e)?|(scurgere|scurgeri|pierdere|pierderi|scapare|scapari) de gaz(e)?|monoxid~|gaz (se scurge|iese)'],
    ['injury', SAFETY, 'ranit~|ranire|ranil~|(m|s|ne|si)-?(am|a|au)? taiat|taietur~|sange|sangera~|sangereaza|spital~|la urgente|camera de garda|copci|cusaturi|sufoc~|inec(at|a)~|accidentat~|vatama~|lovit(a|e|i)? (grav|rau)|fractur~|am cazut|a cazut (de pe|de la|si|peste)|(mi|si)-am (sucit|luxat|rupt) (glezna|piciorul|mana|incheietura)|luxat~|entorsa|s-a rupt sub'],
    ['chemical', SAFETY, 'arsura chimica|iritati~|eruptie|eruptii|mancarimi|inrosit~|bube|piele (arsa|inrosita|in carne vie)|carne vie|usturime|ma ustura|ochii (ma )?ustura'],
    ['danger', SAFETY, 'pericol(ul|os|oasa|osi|oase)?|periculos~|nesigur~|putea (sa )?(omoare|ucida|raneasca|moara)'],
    ['poisoning', FOOD, 'intoxica~|otravi~|toxiinfecti~|vom(a|itat|ita|itam|itau|ie)|(am|a|au) vomitat|diaree|dureri (mari )?de (burta|stomac)|(mi|ne|i|le|ii)-?a fost (foarte |tare |extrem de )?rau|ma simt (foarte |tare )?rau|greata|greturi'],
    ['foreign_body', FOOD, 'ciob(uri|ul|uri de sticla)?|cioburi|sticla (in|din)|bucat(a|i|ica|ele) de (sticla|plastic|metal|fier|lemn|os)|fir(e)? de par|par (in|din)|insect(a|e|ele)|gandac(i|ul|ei)?|gandaci|vierm(e|i|isor|isori)|larv(a|e)|musc(a|a) (in|din)|corp(uri)? strain~|sarm(a|e) (in|din)|surub (in|din)|piatra (in|din)|pietricic~|melc(i)?|limax'],
    ['mould', FOOD, 'mucegai~|mucegait~|mucegaise|alterat(a|e|i)?|s-a alterat|rancezit~|stricat(a|e)? (laptele|carnea|mancarea|produsul alimentar)|expirat(a|e|i)? (si|dar) (vandut|vanduta|pe raft)|gust (ciudat|urat|chimic|amar|de mucegai)|miros (ciudat|urat|de stricat|de putred)|putred~|imput~|verzui(e|i)?|pete (verzi|albe|negre|de mucegai)|puf (alb|verde)|(vandut|vanduta|vindeti|pe raft|pe rafturi|in magazin).{0,40}expirat~'],
    ['allergy', FOOD, 'alergi~|anafila~|soc anafilactic|urticari~|umfla(t|ta|te|t) (gatul|buzele|fata)|(gatul|buzele|fata) (s-a|s-au|mi s-a|mi s-au) umflat|alergen(i)? nedeclarat~|edem~'],
    ['breach', ACCOUNT, '(datele|datelor) (mele )?(personale )?(au fost )?(furate|expuse|scurse|publicate|vizibile|accesate)|scurgere de date|bres(a|e) de (securitate|date)|spart contul|contul (meu )?(a fost )?(spart|compromis|accesat|preluat|furat)|hack~|cineva (a intrat|intra|s-a logat|s-a conectat|a accesat|acceseaza|are acces|mi-a schimbat|a folosit)|acces(ul)? neautorizat|autentificare neautorizata|furt de identitate|(datele|factura|comanda|contul) (unui|unei|altui|altei) (alt |alta )?(client|persoane|persoana|om)|phishing|nu (eu|am fost eu)|nu eu am (facut|schimbat|comandat)|(comenzi|plati|tranzactii|cumparaturi|transferuri) (pe care )?(nu le-am|nu am) (facut|autorizat|comandat)|(plati|tranzactii) necunoscute|(nu am|n-am) (facut|autorizat|comandat) (eu )?(niciodata)?|altcineva|de altcineva|(logare|autentificare|acces|conectare) (de pe|de la) (un )?(dispozitiv|telefon) (necunoscut|strain)|dispozitiv necunoscut|(datele|contractul|factura|documentele) (altor|altui|altei|unor) (clienti|client|persoane)|datele altor clienti|(schimbat|modificat)(a)? (parola|emailul|numarul|numarul de telefon) (fara|si nu)|parola (mi-a fost|a fost) schimbata|schimbare sim|sim swap|(frauda|fraudulos|fraudat|escrocherie|tepuit)~?|fara (acordul|permisiunea|consimtamantul) meu|mi-au golit contul|golit contul'],
  ],
  idioms: [
    ['anger', '(foc si para|fum si para|foc de (suparare|nervi|manie)|ard de (nervi|furie|nerabdare|manie|suparare)|fierb de (nervi|furie)|explodez de (nervi|furie))|m-a scos din (sarite|minti)'],
    ['fire_colour', 'rosu (ca )?(focul|foc)|rosu aprins|culoare de foc|rosu foc'],
    ['idiom_fire', 'pune(m)? mana in foc|bag mana in foc|intre doua focuri|la foc (mic|mare|domol)|artificii|a pus paie pe foc|toarna gaz pe foc|gaz pe foc|focul sacru|foc de paie|fumatori|fumatul'],
    ['money_burn', '(m|ne|te)-?(au|ati|a) ars (la|cu) (bani|factura|pret|buzunar|plata)|arde la buzunar|(factura|pretul|preturile) (m|ne)-?(a|au) ars|ars(i)? (la|de) bani|am fost ars(i)?|arsi la bani|ne-?ati ars'],
    ['price_explosion', '(factura|facturile|pretul|preturile|costurile|tarifele) (a |au )?(explodat|sarit in aer|crapat)|factura bomba|bomba de factura|o bomba'],
    ['killing', '(ma|ne) omoara (preturile|pretul|factura|facturile)|(preturile|pretul|factura) (ma|ne) omoara|ma omori|m-ati omorat|mi-e rau (cand|de cand) (vad|ma uit)|imi vine rau (cand|de)'],
    ['toxic', '(serviciu|firma|atitudine|comportament)(ul)? toxic~'],
    ['danger_money', 'pericol(ul)? (sa|de a) (pierd|pierde|plati|platim)'],
    ['gas_bill', '(factura|facturi|plata|pretul|contor~|consum~|abonament~|furnizor~) (la |de |pentru )?gaz(e)?'],
    ['blood', '(imi )?fierbe sangele|sangele (imi )?fierbe|(imi )?ia foc capul|(mi-a )?luat foc capul|sunt (pe jar|furios foc)|furios foc|(ma )?arde sufletul|arde sufletul|fum (imi iese )?(din|pe) (urechi|nas)|(e|a fost|sunt) (o )?(bomba|beton|foc)|🔥|ma baga in mormant|in mormant|inghetata (topita|s-a topit)|(topit|topita)(a)? inghetata'],
    ['weak_flame', 'flacar(a|ile) .{0,25}(mica|mici|slaba|slabe)'],
  ],
};
