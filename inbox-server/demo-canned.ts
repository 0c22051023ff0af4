/**
 * The demo tenant's canned responses: the same six shortcuts in every language the desk speaks,
 * so an agent types "/photos" whatever the customer's language. `interim` is seed 000's
 * "we have taken charge" reply for cases that need information from another team first.
 */
export interface DemoCanned {
  lang: 'en' | 'it' | 'ro' | 'fa' | 'ru' | 'pt';
  shortcut: 'greeting' | 'photos' | 'batch' | 'delay' | 'interim' | 'closing';
  title: string;
  text: string;
}

export const demoCanned: readonly DemoCanned[] = [
  // ───────────────────────────── English ─────────────────────────────
  { lang: 'en', shortcut: 'greeting', title: 'Greeting', text: "Hello, and thank you for getting in touch. I'm looking at your complaint now and I'll stay with you until we have a solution." },
  { lang: 'en', shortcut: 'photos', title: 'Ask for photos', text: 'To help us check this quickly, could you send a few photos: the whole product, a close-up of the problem, and the label or packaging showing the product name and code? You can attach them right here in the chat.' },
  { lang: 'en', shortcut: 'batch', title: 'Ask for the batch number', text: 'Could you tell us the batch (lot) number and the best-before or use-by date? They are usually printed next to the barcode, on the lid or on the bottom of the pack. Please keep the product and its packaging for now: we may need to collect them for analysis.' },
  { lang: 'en', shortcut: 'delay', title: 'Apology for the delay', text: "I'm sorry we have taken longer than we should to get back to you, and thank you for your patience. We are still checking this with the team concerned, and I will update you by the end of the next working day at the latest." },
  { lang: 'en', shortcut: 'interim', title: 'Taken in charge', text: 'We have taken charge of your complaint and passed it to the team responsible. We need some information from them before we can give you a full answer; we will get back to you as soon as we have it, and meanwhile you can follow the status at any time with your tracking code.' },
  { lang: 'en', shortcut: 'closing', title: 'Closing', text: 'Thank you for your patience and for letting us know. If anything else comes up, just reply in this conversation and quote your tracking code. Have a good day!' },

  // ───────────────────────────── Italiano ─────────────────────────────
  { lang: 'it', shortcut: 'greeting', title: 'Saluto', text: 'Buongiorno e grazie per averci contattato. Sto esaminando il suo reclamo e la seguirò fino a quando non avremo trovato una soluzione.' },
  { lang: 'it', shortcut: 'photos', title: 'Richiesta di foto', text: "Per verificare rapidamente, può inviarci alcune foto: il prodotto intero, un dettaglio del difetto e l'etichetta o la confezione con il nome e il codice del prodotto? Può allegarle direttamente qui in chat." },
  { lang: 'it', shortcut: 'batch', title: 'Richiesta del numero di lotto', text: 'Può indicarci il numero di lotto e la data di scadenza o il termine minimo di conservazione? Di solito sono stampati accanto al codice a barre, sul tappo o sul fondo della confezione. La preghiamo di conservare per ora il prodotto e la confezione: potremmo doverli ritirare per le analisi.' },
  { lang: 'it', shortcut: 'delay', title: 'Scuse per il ritardo', text: 'Ci scusiamo per il ritardo nella risposta e la ringraziamo per la pazienza. Stiamo ancora verificando con il reparto competente e le daremo un aggiornamento al più tardi entro la fine del prossimo giorno lavorativo.' },
  { lang: 'it', shortcut: 'interim', title: 'Presa in carico', text: 'Abbiamo preso in carico il suo reclamo e lo abbiamo inoltrato al reparto competente. Per darle una risposta completa ci servono alcune informazioni da loro: la ricontatteremo appena le avremo e, nel frattempo, può seguire lo stato in qualsiasi momento con il suo codice di tracciamento.' },
  { lang: 'it', shortcut: 'closing', title: 'Chiusura', text: 'Grazie per la pazienza e per la segnalazione. Se dovesse servirle altro, risponda pure a questa conversazione indicando il suo codice di tracciamento. Buona giornata!' },

  // ───────────────────────────── Română ─────────────────────────────
  { lang: 'ro', shortcut: 'greeting', title: 'Salut', text: 'Bună ziua și vă mulțumim că ne-ați contactat. Analizez acum reclamația dumneavoastră și vă voi ține la curent până găsim o soluție.' },
  { lang: 'ro', shortcut: 'photos', title: 'Solicitare fotografii', text: 'Ca să putem verifica rapid situația, ne puteți trimite câteva fotografii: produsul întreg, un detaliu al problemei și eticheta sau ambalajul pe care se văd denumirea și codul produsului? Le puteți atașa direct aici, în chat.' },
  { lang: 'ro', shortcut: 'batch', title: 'Solicitare număr de lot', text: 'Ne puteți comunica numărul de lot și data expirării sau data durabilității minimale? De obicei sunt tipărite lângă codul de bare, pe capac sau pe fundul ambalajului. Vă rugăm să păstrați deocamdată produsul și ambalajul: s-ar putea să fie nevoie să le ridicăm pentru analize.' },
  { lang: 'ro', shortcut: 'delay', title: 'Scuze pentru întârziere', text: 'Ne cerem scuze pentru întârzierea răspunsului și vă mulțumim pentru răbdare. Verificăm în continuare situația împreună cu departamentul responsabil și revenim cu noutăți cel târziu până la sfârșitul următoarei zile lucrătoare.' },
  { lang: 'ro', shortcut: 'interim', title: 'Preluare în lucru', text: 'Am preluat reclamația dumneavoastră și am transmis-o departamentului responsabil. Pentru un răspuns complet avem nevoie de câteva informații de la acesta; revenim imediat ce le primim, iar între timp puteți urmări oricând stadiul reclamației cu ajutorul codului de urmărire.' },
  { lang: 'ro', shortcut: 'closing', title: 'Încheiere', text: 'Vă mulțumim pentru răbdare și pentru semnalare. Dacă mai aveți nevoie de ceva, răspundeți în această conversație și menționați codul de urmărire. O zi bună!' },

  // ───────────────────────────── فارسی ─────────────────────────────
  { lang: 'fa', shortcut: 'greeting', title: 'خوشامدگویی', text: 'سلام و سپاس از اینکه با ما تماس گرفتید. هم‌اکنون در حال بررسی شکایت شما هستم و تا رسیدن به راه‌حل همراهتان خواهم بود.' },
  { lang: 'fa', shortcut: 'photos', title: 'درخواست عکس', text: 'برای اینکه بتوانیم موضوع را سریع‌تر بررسی کنیم، لطفاً چند عکس بفرستید: از کل کالا، از نمای نزدیک مشکل، و از برچسب یا بسته‌بندی که نام و کد کالا روی آن دیده می‌شود. می‌توانید عکس‌ها را همین‌جا در گفتگو پیوست کنید.' },
  { lang: 'fa', shortcut: 'batch', title: 'درخواست شمارهٔ سری ساخت', text: 'لطفاً شمارهٔ سری ساخت و تاریخ انقضای کالا را برای ما بفرستید. این اطلاعات معمولاً کنار بارکد، روی درِ بسته یا زیر بسته‌بندی چاپ شده است. خواهشمندیم فعلاً کالا و بسته‌بندی آن را نگه دارید؛ ممکن است برای آزمایش لازم باشد آن‌ها را از شما تحویل بگیریم.' },
  { lang: 'fa', shortcut: 'delay', title: 'عذرخواهی برای تأخیر', text: 'بابت تأخیر در پاسخ پوزش می‌خواهیم و از شکیبایی شما سپاسگزاریم. موضوع هنوز با واحد مربوط در حال بررسی است و حداکثر تا پایان روز کاری بعد نتیجه را به اطلاع شما می‌رسانیم.' },
  { lang: 'fa', shortcut: 'interim', title: 'اعلام رسیدگی', text: 'شکایت شما ثبت شد و برای رسیدگی به واحد مربوط ارجاع داده شد. برای پاسخ کامل به اطلاعاتی از آن واحد نیاز داریم و به‌محض دریافت آن با شما تماس می‌گیریم. در این فاصله می‌توانید هر زمان با کد پیگیری خود وضعیت شکایت را ببینید.' },
  { lang: 'fa', shortcut: 'closing', title: 'پایان گفتگو', text: 'از شکیبایی شما و اینکه موضوع را به ما اطلاع دادید سپاسگزاریم. اگر باز هم کمکی لازم داشتید، کافی است در همین گفتگو پاسخ دهید و کد پیگیری خود را بنویسید. روز خوبی داشته باشید!' },

  // ───────────────────────────── Русский ─────────────────────────────
  { lang: 'ru', shortcut: 'greeting', title: 'Приветствие', text: 'Здравствуйте! Спасибо, что обратились к нам. Я уже занимаюсь вашей жалобой и буду на связи, пока вопрос не будет решён.' },
  { lang: 'ru', shortcut: 'photos', title: 'Запрос фотографий', text: 'Чтобы мы могли быстрее во всём разобраться, пришлите, пожалуйста, несколько фотографий: товар целиком, крупный план дефекта и этикетку или упаковку с названием и кодом товара. Фото можно прикрепить прямо здесь, в чате.' },
  { lang: 'ru', shortcut: 'batch', title: 'Запрос номера партии', text: 'Сообщите, пожалуйста, номер партии и срок годности. Обычно они напечатаны рядом со штрихкодом, на крышке или на дне упаковки. Пока, пожалуйста, сохраните товар и упаковку: возможно, нам понадобится забрать их на лабораторную проверку.' },
  { lang: 'ru', shortcut: 'delay', title: 'Извинение за задержку', text: 'Приносим извинения за задержку с ответом и благодарим за терпение. Мы ещё выясняем вопрос с ответственным отделом и сообщим вам новости не позднее конца следующего рабочего дня.' },
  { lang: 'ru', shortcut: 'interim', title: 'Жалоба принята в работу', text: 'Мы приняли вашу жалобу в работу и передали её в ответственный отдел. Чтобы дать полный ответ, нам нужно получить от коллег некоторые сведения; мы свяжемся с вами, как только они появятся, а пока вы можете в любое время проверить статус по номеру для отслеживания.' },
  { lang: 'ru', shortcut: 'closing', title: 'Завершение', text: 'Спасибо за терпение и за то, что сообщили нам о проблеме. Если понадобится что-то ещё, просто ответьте в этом чате и укажите номер для отслеживания. Хорошего дня!' },

  // ───────────────────────────── Português ─────────────────────────────
  { lang: 'pt', shortcut: 'greeting', title: 'Saudação', text: 'Olá, obrigado por entrar em contato conosco. Já estou analisando a sua reclamação e vou acompanhá-la até encontrarmos uma solução.' },
  { lang: 'pt', shortcut: 'photos', title: 'Pedido de fotos', text: 'Para verificarmos mais rápido, você pode nos enviar algumas fotos: o produto inteiro, um detalhe do problema e a etiqueta ou embalagem com o nome e o código do produto? Você pode anexá-las aqui mesmo no chat.' },
  { lang: 'pt', shortcut: 'batch', title: 'Pedido do número do lote', text: 'Você poderia nos informar o número do lote e a data de validade? Normalmente eles vêm impressos perto do código de barras, na tampa ou no fundo da embalagem. Por favor, guarde o produto e a embalagem por enquanto: talvez precisemos recolhê-los para análise.' },
  { lang: 'pt', shortcut: 'delay', title: 'Desculpas pela demora', text: 'Pedimos desculpas pela demora em responder e agradecemos a sua paciência. Ainda estamos verificando o caso com o setor responsável e daremos um retorno até o fim do próximo dia útil, no máximo.' },
  { lang: 'pt', shortcut: 'interim', title: 'Reclamação em andamento', text: 'Recebemos a sua reclamação e já a encaminhamos ao setor responsável. Para dar uma resposta completa, precisamos de algumas informações desse setor; entraremos em contato assim que as tivermos e, enquanto isso, você pode acompanhar o andamento a qualquer momento com o seu código de acompanhamento.' },
  { lang: 'pt', shortcut: 'closing', title: 'Encerramento', text: 'Obrigado pela paciência e por nos avisar. Se precisar de mais alguma coisa, é só responder nesta conversa informando o seu código de acompanhamento. Tenha um bom dia!' },
];
