# ruff: noqa: E501 -- data module: one hand-written sentence per line, never wrapped
"""Hand-written fragments for the train and dev splits of the petition classifier corpus.

Core lines have the form ``svc[*] | text``: ``svc`` is a servicio abbreviation (see
``corpus_gen.SERVICIO_ABBR``) and a trailing ``*`` marks a caso especial. The core carries the
meaning (tipo, servicio, caso); the other lists are wrappers that carry no tipo on their own
unless their name says so. The test split uses ``fragments_test`` instead, written apart.
"""

ORIENTACION = """
afi | Quisiera saber qué papeles necesito para dar de alta a mi esposa como beneficiaria.
afi | Buenas tardes, ¿me pueden decir si mi hijo de 17 años todavía puede estar en mi seguro?
afi | Quiero saber cómo le hago para sacar mi número de seguridad social, nunca lo he tramitado.
afi | ¿Los estudiantes de prepa tienen derecho al seguro facultativo? ¿dónde se pide?
afi | Me dieron de baja en el trabajo y no sé cuánto tiempo me dura la vigencia del seguro.
afi | Pregunto si mis papás pueden ser mis beneficiarios aunque vivan en otro estado.
afi | no se si estoy dado de alta, como puedo checar mi vigencia sin venir hasta aca
afi | Tengo dos patrones, ¿en cuál clínica me toca? nadie me supo explicar
afi | ¿Qué necesito para inscribirme en la modalidad de trabajadoras del hogar?
afi | ¿Con qué documento compruebo que mi concubina vive conmigo para afiliarla?
pen | Me gustaría que me orientaran sobre los requisitos para la pensión por cesantía en edad avanzada.
pen | ¿Cuántas semanas cotizadas necesito para pensionarme si empecé a trabajar en 1995?
pen | Quiero informes sobre la modalidad 40, una vecina me dijo que conviene pero no entiendo cómo funciona.
pen | Mi mamá es viuda, ¿tiene derecho a la pensión de viudez si mi papá ya estaba pensionado?
pen | ¿En qué fechas depositan la pensión y a qué hora se puede ver en el banco?
pen | buen dia quiero saber si puedo retirar lo de mi afore o si eso es en otro lado
pen | Necesito información de qué pasa con mis semanas si me voy a trabajar a Estados Unidos.
hosp* | Mi esposo murió hace dos semanas en el hospital por negligencia y no sé qué hacer ni a quién acudir, ¿me pueden decir qué sigue?
inc | ¿Cómo se cobra la incapacidad por maternidad? Es mi primer embarazo y no sé cuántos días dan.
inc | Quisiera saber si la incapacidad por enfermedad general se paga desde el primer día.
inc | Me dijeron que mi incapacidad la tiene que firmar la empresa, ¿es cierto o la cobro directo?
inc | ¿Qué es la ayuda para gastos de matrimonio y quién la puede pedir?
inc | Preguntar si por accidente de trayecto me toca incapacidad por riesgo de trabajo.
inc | ¿A dónde tengo que ir a cobrar mis incapacidades, al banco o a la subdelegación?
gua | Quiero saber qué requisitos piden para inscribir a mi bebé en la guardería y desde qué edad.
gua | ¿Los papás trabajadores también tienen derecho a guardería o nomás las mamás?
gua | Buenas, ¿hasta qué edad pueden estar los niños en la guardería del seguro?
gua | Me gustaría saber si hay guarderías del IMSS con horario vespertino cerca de la zona industrial.
cit | ¿Cómo saco cita por la aplicación? Ya la bajé pero no me deja entrar.
cit | No sé a qué hora tengo que llegar para la ficha de la tarde, ¿me pueden informar?
cit | ¿Se puede pedir cita por teléfono o tengo que venir en persona?
cit | Quisiera saber cuánto tiempo antes debo llegar a mi cita del especialista.
cit | mi cita dice turno vespertino pero no dice la hora, a que hora me presento??
ce | ¿Cómo me cambio de unidad de medicina familiar? Me mudé y me queda muy lejos.
ce | Quiero saber si puedo cambiar de médico familiar y qué tengo que hacer.
ce | ¿Cuál es el horario de la consulta del sábado? En la entrada no hay ningún letrero.
ce | ¿Dan consulta de nutrición en esta clínica o me tienen que mandar a otra?
ce | Pregunta: para ir al dentista ¿necesito pase de mi médico familiar?
ce | ¿Aquí dan la prueba del papanicolaou o a dónde tengo que ir?
urg | ¿En urgencias atienden aunque no sea mi clínica? Vivo de paso en la ciudad.
urg | Quiero saber en qué casos sí me atienden en urgencias y en cuáles me mandan a consulta.
urg | ¿Un familiar puede quedarse con el paciente en urgencias o solo en el horario de visita?
hosp | ¿Cuál es el horario de visita en el piso de medicina interna? Cada guardia me dicen algo distinto.
hosp | Mi papá se va a operar el lunes, ¿qué cosas le tengo que llevar al hospital?
hosp | ¿Cuántas personas pueden entrar a ver a un paciente internado y pueden entrar niños?
hosp | Quisiera saber cómo pido informes médicos de mi hermana que está hospitalizada en terapia.
far | ¿El medicamento que no hay en farmacia me lo pueden dar en otra clínica? ¿cómo le hago?
far | Quisiera saber si la receta resurtible sirve para tres meses o tengo que venir cada mes.
far | ¿Quién puede recoger mis medicinas si yo no puedo venir? ¿necesito carta poder?
lab | ¿Cuántas horas de ayuno necesito para los análisis de sangre?
lab | ¿Dónde recojo los resultados del ultrasonido o se los mandan directo al doctor?
lab | Me mandaron a sacar una tomografía, ¿eso lo hacen aquí o en el hospital general?
lab | para el estudio de orina, ¿tiene que ser la primera de la mañana?
tra | ¿Dónde está el módulo de atención al derechohabiente? Di vueltas y no lo encontré.
tra | Quisiera saber cómo puedo donar sangre para un familiar que se va a operar.
tra | ¿Me pueden explicar cómo consultar el avance de mi queja anterior? Solo me dieron un papel con un número.
tra | ¿Qué horario tiene trabajo social? Necesito hablar con alguien pero no sé a qué hora están.
tra | ¿Es aquí donde se pide la constancia de semanas cotizadas o eso es por internet?
tra | Hola, quiero informes de los cursos de CASSA del seguro para personas mayores.
afi | Trabajo por mi cuenta, ¿puedo asegurarme yo solo y cuánto cuesta al año?
pen | ¿La pensión de invalidez es la misma que la incapacidad permanente? Me confundí con lo que me dijeron en ventanilla.
cit | Si falto a una cita con el especialista, ¿pierdo el turno o me la vuelven a dar?
inc | ¿Me pagan la incapacidad si estoy en periodo de prueba en el trabajo?
far | Una pregunta: el medicamento controlado ¿se lo surten a un familiar o solo al paciente?
gua | ¿Qué documentos me piden para la reinscripción del siguiente ciclo en guardería?
hosp | ¿Puedo pasar comida a mi mamá que está internada o está prohibido?
lab | Buenas tardes, ¿los rayos X del pie se hacen con cita o por orden de llegada?
urg | Pregunto si la ambulancia del seguro puede ir por un paciente a su casa.
ce | ¿A partir de qué edad se hace el chequeo PrevenIMSS y cada cuánto?
afi | Me casé el mes pasado, ¿cómo registro a mi esposo en mi seguro y qué necesita llevar?
tra* | Un doctor de aquí me está acosando por mensajes, ¿a dónde puedo acudir para denunciarlo?
urg* | ¿Dónde puedo poner una denuncia? Mi esposa murió en urgencias y nadie nos da razón.
pen | Mi esposo falleció el año pasado de un infarto en la casa, ¿qué papeles necesito para la pensión de viudez?
inc | Mi suegro murió hace un mes, ¿quién puede cobrar la ayuda para gastos de funeral?
afi | Donde me informo si mi patron me tiene registrado con el salario correcto?
afi | ¿Mi hijo que ya trabaja puede seguir usando mi seguro o ya tiene que usar el suyo?
afi | Perdí mi tarjeta del seguro, ¿cómo consigo otra o ya no se usa?
afi | Pregunta: ¿los extranjeros con permiso de trabajo se pueden afiliar?
afi | Quiero saber si mi esposo puede quedar como beneficiario si él también trabaja.
pen | Me quiero jubilar el próximo año, ¿con cuánto tiempo de anticipación empiezo los papeles?
pen | ¿Dónde se hace el trámite de la pensión por viudez y cuánto tarda?
pen | Buenas, ¿qué es la constancia de supervivencia y cada cuánto la tengo que presentar?
pen | ¿Me pueden explicar cómo se calcula el monto de la pensión? No entiendo mi resolución.
pen | ¿Si sigo trabajando después de pensionarme me quitan la pensión?
inc | ¿Qué pasa con mi incapacidad si la empresa cierra mientras estoy incapacitado?
inc | Quisiera saber qué días se pagan cuando la incapacidad es por riesgo de trabajo.
inc | ¿Las incapacidades de mi embarazo de alto riesgo cuentan aparte de las de maternidad?
inc | ¿Cuántos días antes del parto empieza la incapacidad prenatal?
gua | ¿Si mi hijo tiene una discapacidad lo reciben en la guardería del IMSS?
gua | Pregunta para la guardería: ¿puedo mandar a mi bebé con su propia leche materna?
gua | ¿Qué hago para pedir guardería si trabajo en dos turnos distintos?
cit | ¿Cómo sé si ya tengo fecha para la cirugía? Me dijeron que me iban a llamar.
cit | Buenas tardes, quisiera saber con cuántos días de anticipación se pide la cita de medicina familiar.
cit | ¿La cita del especialista se puede cambiar por teléfono o hay que ir al hospital?
ce | ¿Quién me puede dar un certificado médico para la escuela, el médico familiar o el de preventiva?
ce | ¿Aquí en la clínica atienden a personas con adicciones o a dónde las mandan?
ce | Me gustaría saber qué métodos anticonceptivos dan en la clínica.
ce | ¿En qué horario vacunan a los niños? Vine en la tarde y ya no había nadie.
urg | ¿Hay urgencias en esta unidad o solo en el hospital general? No está señalizado.
urg | Si me pica un alacrán en la noche ¿vengo aquí o voy directo al hospital?
hosp | ¿Cuántos días se puede quedar internada una persona en el área de cuidados paliativos?
hosp | ¿Qué trámite hago para que me den el alta voluntaria de mi papá?
far | ¿Por qué me dan genérico si el doctor me recetó otra marca? ¿es lo mismo?
far | Quisiera saber si existe algún programa para recibir mis medicamentos en casa.
lab | ¿Me pueden decir si los resultados de laboratorio se pueden ver en internet?
lab | ¿Para la mastografía hay que llevar algo o solo presentarse?
tra | ¿Cómo le hago para pedir una silla de ruedas prestada para mi mamá?
tra | ¿Dónde puedo dejar mis datos para que me avisen de las jornadas de cirugía?
tra | ¿A quién me dirijo para que revisen una queja que puse el mes pasado?
afi | nesesito saber si mi numero de seguro sigue siendo el mismo si cambie de trabajo
pen | ¿Una persona pensionada tiene derecho a servicio médico para su esposa?
cit | ¿qué días dan citas para el dentista?
tra | ¿Hay estacionamiento para discapacitados? Mi papá no puede caminar mucho.
hosp | Mi mamá está internada, ¿puedo cambiar de familiar que la cuida en la noche o tiene que ser la misma persona?
tra* | ¿Dónde denuncio a un trabajador de la clínica que me amenazó con hacerme daño?
hosp* | Mi papá murió en el hospital y creemos que fue por negligencia, ¿cómo pedimos que se investigue?
tra* | ¿Qué hago si un médico me hizo tocamientos durante la consulta? No sé a quién decirle.
ce* | ¿Con quién puedo hablar? Un reportero del periódico me busca para preguntarme por lo que le pasó a mi hijo aquí.
"""

GESTION = """
cit | Solicito de favor que me reprogramen la cita de cardiología que me cancelaron, ya pasaron dos meses.
cit | Tengo pendiente mi cita con el oftalmólogo desde marzo y nadie me llama, les pido que me la asignen.
cit | Pido que me den cita con el traumatólogo, mi médico familiar ya me hizo el pase hace tres semanas.
cit | Por favor necesito que me cambien la cita del 14 porque ese día tengo una cirugía de mi hijo.
cit | Me dieron cita para dentro de seis meses para el neurólogo, solicito que me la adelanten si se puede.
cit | favor de darme cita para mi control de embarazo, ya voy en el 5 mes y no me han vuelto a citar
cit | Les pido que me anoten en la lista de espera de la cirugía de vesícula que me dijeron que me tocaba.
afi | Solicito que corrijan mi CURP en el sistema, sale con un error en la fecha de nacimiento y no me dejan sacar cita.
afi | Necesito que den de alta a mi recién nacido, ya traje el acta pero dicen que el sistema no lo acepta.
afi | Pido que me ayuden con mi vigencia: mi patrón sí paga pero aparezco sin derechos.
afi | Les solicito que me unifiquen los dos números de seguridad social que tengo, por eso no me salen todas mis semanas.
afi | Favor de actualizar mi domicilio y teléfono, ya no vivo en la dirección que tienen registrada.
afi | mi esposa aparece dada de baja como beneficiaria y necesito que la vuelvan a registrar para su consulta
inc | Solicito el pago de mis incapacidades de enero, ya pasó más de un mes y no se ha depositado nada.
inc | Necesito que me expidan la incapacidad de los días que estuve hospitalizado, no me la dieron al salir.
inc | Pido que revisen por qué mi incapacidad por maternidad no aparece registrada en el sistema de la empresa.
inc | Por favor necesito la copia del certificado de incapacidad que se extravió, mi trabajo me la está pidiendo.
inc | Les solicito que me cambien la cuenta bancaria donde depositan mis incapacidades, la anterior la cancelé.
pen | Solicito que me den información del estado de mi trámite de pensión, ingresé los papeles hace cuatro meses y nada.
pen | Pido el cambio de banco para el pago de mi pensión porque la sucursal de aquí cerró.
pen | Necesito la constancia de pensionado para un trámite del ISSSTE, ¿me la pueden expedir?
pen | Les ruego apresuren el trámite de la pensión de viudez de mi mamá, ya entregamos todos los documentos.
pen | Solicito que se me pague la pensión del mes de mayo que no me depositaron, en el banco dicen que no llegó.
far | Solicito que me surtan el medicamento de la receta de especialidad, en farmacia dicen que hay que pedirlo a otra unidad.
far | Favor de ayudarme a que me den mi insulina de este mes, ya la pedí tres veces y me dicen que está en tránsito.
far | pido que me cambien la receta porque el medicamento que me surtieron está caducado
far | Necesito que me den un vale de medicamento para surtirlo en otra unidad, aquí no lo manejan.
lab | Les pido que me envíen los resultados de mis análisis al consultorio 8, el doctor dice que no le han llegado.
lab | Solicito que me programen el ultrasonido que me ordenó el ginecólogo, ya tengo la orden sellada.
lab | Se me pasó la fecha del estudio de mastografía, pido que me la vuelvan a agendar.
lab | Favor de entregarme copia de las placas de rayos X para llevarlas con un especialista.
hosp | Solicito el traslado de mi papá al hospital de especialidades, el médico ya lo autorizó pero no hay ambulancia.
hosp | Pido que le den de alta a mi mamá con su hoja de referencia para su rehabilitación, ya lleva una semana esperando.
hosp | Necesito un resumen clínico de la hospitalización de mi hijo para su escuela.
hosp | Les solicito un pase para poder quedarme en la noche con mi esposo, es adulto mayor y no puede solo.
gua | Solicito el cambio de mi hija a la guardería que está cerca de mi nuevo trabajo.
gua | Ya entregué todos los papeles para la guardería hace un mes, pido que me confirmen si mi bebé ya tiene lugar.
gua | Necesito una constancia de que mi hijo asiste a la guardería para presentarla en mi trabajo.
ce | Solicito cambio de médico familiar al turno matutino porque trabajo en las tardes.
ce | Pido que me manden a segundo nivel con el especialista en reumatología, mi doctora dice que no hay sistema.
ce | Necesito que me den el pase para el nutriólogo, mi médico ya lo anotó en mi expediente.
ce | favor de cambiarme de consultorio, me asignaron uno de la tarde y yo pedí en la mañana
urg | Solicito la constancia de atención de urgencias del día 3 para justificar mi falta en el trabajo.
urg | Necesito copia de la nota médica de urgencias de cuando llevé a mi hija, la piden en la escuela.
tra | Solicito copia de mi expediente clínico completo para una segunda opinión.
tra | Pido que me ayuden a que me regresen mi credencial ADIMSS, la dejé en ventanilla y no la encuentran.
tra | Necesito que me den la constancia de asistencia de hoy para mi trabajo, en recepción nadie me la quiere hacer.
tra | Solicito un lugar para silla de ruedas en el transporte de hemodiálisis para mi papá.
cit | Ocupo que me den la cita de seguimiento de mi cirugía de rodilla, en el hospital me dijeron que la pidiera aquí.
afi | Pido que me entreguen la constancia de vigencia de derechos, la necesito para la escuela de mi hija.
inc | Solicito que se revise mi expediente porque la incapacidad del día 12 al 18 no aparece pagada.
pen | Tramité mi pensión desde noviembre y aún no me llega la resolución, pido que la agilicen por favor.
far | Solicito apoyo para que me surtan los parches de mi mamá, en farmacia me dijeron que vuelva la próxima semana y ya van cinco semanas.
lab | Pido que me den una cita para la resonancia, tengo la orden desde hace tres meses y en la ventanilla me dicen que no hay agenda.
hosp | Solicito que me entreguen las pertenencias de mi esposo que se quedaron en el hospital cuando lo pasaron a piso.
gua | Pido que me reembolsen la cuota de inscripción que me cobraron por error en la guardería subrogada.
ce | Mi doctor me tenía que llenar el formato de referencia y se le olvidó, pido que me lo hagan para no perder la cita.
cit | Les escribo para que me den una cita para mi esposa en planificación familiar, en el teléfono nunca contestan.
afi | Solicito que me den de alta en el seguro de salud para la familia, ya pagué en el banco y no me activan.
tra | Necesito que firmen y sellen mi formato de control de diálisis para presentarlo a la empresa.
inc | Que me den la incapacidad de la semana pasada, la doctora quedó de mandarla y no me la mandó.
urg | Pido que me digan a qué hospital trasladaron a mi tío desde urgencias anoche, no me dan información.
pen | Solicito que actualicen mis datos bancarios en el sistema de pensiones, cambié de tarjeta.
far | Necesito que la farmacia me surta las tiras reactivas de glucosa que vienen en mi receta.
hosp* | Necesito el certificado de defunción de mi papá que falleció ayer en urgencias por falta de atención, no me lo quieren entregar.
tra* | Solicito que me cambien de clínica porque el médico de aquí me amenazó después de que puse una queja.
cit* | Pido que me den cita urgente con el cirujano, a mi mamá le dio un derrame mientras esperaba la operación que le cancelaron.
cit | Solicito que me den cita para la colonoscopía, el gastroenterólogo la ordenó desde enero.
cit | Mi cita con el cardiólogo se perdió porque cambiaron de consultorio y nadie me avisó, pido una nueva fecha.
cit | Les pido que le den cita a mi hijo para la terapia de lenguaje que le indicó el pediatra.
cit | necesito una cita para el ginecologo lo antes posible, tengo la orden en la mano
afi | Necesito que me den de alta como trabajadora independiente, ya llené el formato y no me contestan.
afi | Por favor arreglen mi registro, aparezco con otra clínica que no es la mía.
afi | Solicito que registren a mis dos hijos como mis beneficiarios, mi exesposo los tenía en su seguro.
afi | Pido que se corrija mi fecha de alta en el sistema porque me aparece la del trabajo anterior.
inc | Necesito que me den mi incapacidad de maternidad, ya tengo 34 semanas y la doctora no me la ha dado.
inc | Solicito que envíen mi incapacidad al patrón, me dijeron que ya es electrónica pero no le llega.
inc | Pido que me hagan el dictamen de riesgo de trabajo, me accidenté en la fábrica hace un mes.
inc | Les solicito que me entreguen el formato ST-7 para el accidente de trabajo de mi esposo.
pen | Solicito la reposición de mi tarjeta de pensión, me la robaron.
pen | Necesito que me pongan al corriente con los pagos de la pensión de orfandad de mi nieto.
pen | Pido que me expidan el documento donde dice cuánto cobro de pensión, para una renta.
pen | Solicito que mi pensión se pague en el banco de mi pueblo porque ya no puedo viajar.
far | Necesito que me surtan la receta de mi mamá completa, solo le dieron una caja de las tres.
far | Solicito que la farmacia reciba mi receta aunque tiene un día de vencida, el doctor no tuvo agenda.
far | pido que me den el medicamento de la presion que ya me toca, lo pedi el lunes
lab | Solicito que me den la cita para el estudio de sangre que me pidió el cirujano antes de operarme.
lab | Necesito que repitan mi estudio de orina porque se perdió la muestra.
lab | Pido que me den el disco de mi resonancia para llevarlo al especialista.
hosp | Solicito que se programe la operación de hernia de mi esposo, lleva tres cancelaciones.
hosp | Necesito un permiso para que mi hija pueda acompañar a mi esposa en el parto.
hosp | Pido que me den la hoja de alta de mi mamá para que le den sus terapias en la clínica.
gua | Solicito que me den de baja de la guardería sin que me afecte para volver a inscribirlo después.
gua | Pido que acepten a mi niño en la sala de maternal, ya cumplió la edad.
ce | Solicito que me hagan el certificado médico para el trabajo, me lo piden para el lunes.
ce | Pido que me cambien con una doctora mujer, me siento más cómoda.
ce | Por favor necesito la contrarreferencia de mi esposo para que le sigan dando su tratamiento aquí.
urg | Solicito el informe de lo que le hicieron a mi hijo en urgencias para llevarlo al pediatra.
urg | Pido que me den la nota de alta de urgencias de mi padre, se nos olvidó pedirla.
tra | Pido que me presten una silla de ruedas para trasladar a mi mamá de la entrada al consultorio.
tra | Solicito que me asignen trabajo social para el trámite de la albergue de mi familia.
tra | Necesito copia de mi petición anterior, me la pidieron en la empresa.
afi | favor de darme de alta a mi bebe que nacio el 3 de este mes
inc | Ocupo que me den la incapacidad de los días que estuve en urgencias, del 2 al 4.
pen | Solicito el pago del finiquito de la pensión de mi padre que falleció en enero.
cit | Pido que me den la cita de control de mi hija en el turno de la tarde porque estudia en la mañana.
lab | Les solicito que me entreguen los resultados del papanicolaou que me hice hace dos meses.
hosp* | Solicito el expediente completo de mi mamá, falleció en el hospital después de la cirugía y queremos saber qué pasó.
tra* | Pido que me cambien de consultorio porque el médico me acosa con comentarios sobre mi cuerpo.
urg* | Necesito la constancia de que mi hijo llegó golpeado a urgencias, el guardia de la entrada lo agredió.
gua* | Pido que cambien a mi hijo de sala en la guardería, otro niño lo muerde y ya lo lastimó varias veces y la maestra no hace nada.
"""

QUEJA_SERVICIO = """
ce | Llevo tres horas esperando en la sala y nadie me dice cuándo me van a pasar con el médico, es una falta de respeto.
ce | El doctor del consultorio 5 ni me revisó, solo me preguntó qué tenía y me dio la receta sin levantar la vista.
ce | La consulta es de las 8 y el médico llegó a las 9:40, tuvimos que esperar todos parados.
ce | Mi médico familiar siempre llega tarde y luego nos atiende a la carrera, 5 minutos por paciente.
ce | es la tercera vez que vengo y me regresan porque el doctor no vino, nadie avisa nada
ce | La asistente médica nos grita y nos trata como si le estuviéramos pidiendo un favor.
far | En la farmacia no había el medicamento para la presión, me dijeron que regresara en 15 días y ya es la segunda vez.
far | Siempre falta el metformina y la insulina, los diabéticos no podemos estar sin medicina.
far | La fila de la farmacia es eterna, solo hay una ventanilla abierta y las demás cerradas.
far | El señor de la farmacia me aventó la caja de pastillas y me contestó de mala manera.
far | me surtieron la mitad de la receta y lo demas que no hay, siempre es lo mismo
urg | En urgencias esperamos seis horas con mi hijo con fiebre y solo nos pasaron a triage.
urg | El área de urgencias estaba llena de basura y los baños sin agua ni papel.
urg | La enfermera de urgencias estaba viendo su celular mientras los pacientes esperábamos.
urg | No hay sillas en la sala de espera de urgencias, la gente enferma está sentada en el piso.
hosp | Los baños del tercer piso del hospital están asquerosos, llevan días sin limpiarlos.
hosp | Mi mamá internada no recibió su comida a tiempo y las enfermeras no pasaban cuando tocábamos el timbre.
hosp | Las camas del piso de cirugía tienen sábanas sucias, tuvimos que traer las nuestras.
hosp | El elevador del hospital lleva un mes descompuesto y suben a los pacientes por la rampa.
lab | En el laboratorio nos citan a las 7 y empiezan a tomar muestras a las 8:30.
lab | Perdieron mis muestras de sangre y me tuvieron que picar otra vez, sin disculparse.
lab | El técnico de rayos X fue muy grosero con mi papá que no se podía subir a la mesa.
lab | la maquina de ultrasonido lleva semanas descompuesta y nos siguen citando para nada
afi | En afiliación la señorita de la ventanilla 3 me hizo venir cuatro veces por un papel que no me pidió la primera vez.
afi | El trámite de vigencia que dicen que es rápido me llevó toda la mañana, solo hay una persona atendiendo.
afi | La persona de afiliación estaba comiendo y platicando y nos dejó esperando media hora.
cit | Me cancelaron la cita con el especialista el mismo día sin avisarme, y vengo de otro municipio.
cit | Las citas por teléfono nunca contestan, marqué toda la semana y nada.
cit | Para sacar ficha hay que llegar a las 5 de la mañana y aun así ya no alcanzamos.
gua | En la guardería a mi hijo le cambian el pañal muy pocas veces y llega rozado a la casa.
gua | La comida de la guardería llega fría y los niños casi no comen, ya lo comenté y no hacen caso.
gua | La maestra de la sala de lactantes no nos da información de cómo estuvo el bebé en el día.
inc | Para que me dieran mi incapacidad tuve que hacer fila dos horas y luego me dijeron que no había sistema.
inc | En la ventanilla de prestaciones me trataron con prepotencia cuando pregunté por mi pago.
pen | En la oficina de pensiones nos tienen esperando de pie a puros adultos mayores, no hay ni dónde sentarse.
pen | El licenciado de pensiones me habló como si yo fuera tonta y no me explicó nada.
tra | El vigilante de la entrada no deja pasar a los acompañantes aunque sean personas con discapacidad.
tra | Los baños de la planta baja están siempre cerrados con candado.
tra | El estacionamiento está lleno de carros del personal y los pacientes no tenemos dónde dejar el carro.
tra | Hace un calor insoportable en la sala de espera, los ventiladores no sirven.
tra | La trabajadora social no quiso atenderme porque ya se iba a comer, aunque eran las 12.
tra | En el módulo de información nadie sabe nada, te mandan de un lado a otro.
ce | Pedí que me revisaran la presión y la enfermera dijo que no tenía tiempo.
ce | El consultorio de medicina preventiva siempre está cerrado aunque el letrero dice que abre a las 8.
far | Me dieron un medicamento diferente al que me recetaron y cuando reclamé me dijeron que es lo que hay.
urg | En urgencias pediatría la doctora regañó a mi hija de 6 años porque lloraba.
hosp | No dejan que ningún familiar se quede con los pacientes de la tercera edad y ellos no se pueden parar solos.
lab | Los resultados de los análisis tardaron un mes y cuando llegaron ya no servían para la consulta.
cit | Me dieron la cita con el dermatólogo para dentro de 8 meses, es demasiado tiempo.
gua | La guardería cierra antes de la hora y a varias mamás nos han regañado por llegar a las 6.
urg* | El guardia de seguridad de urgencias empujó a mi esposo y lo amenazó con sacarlo a golpes por preguntar por mi suegra.
ce* | Un paciente golpeó a la asistente en la sala y nadie hizo nada, los guardias no estaban, tenemos miedo de venir.
tra* | Un trabajador del estacionamiento me hizo comentarios de tipo sexual y me siguió hasta mi carro, exijo que hagan algo.
hosp* | Ya subí a redes sociales las fotos de cómo tienen a los pacientes en los pasillos y ya lo vieron miles de personas, hasta un reportero me contactó.
far* | La encargada de la farmacia me amenazó con que si me volvía a quejar ya no me iba a surtir nunca.
cit* | Voy a llevar esto a los periódicos si no me dan la cita, mi hija tiene cáncer y llevamos meses esperando.
hosp | En la noche apagan el aire acondicionado y los pacientes recién operados se están asando.
ce | El médico me dijo que no me podía atender porque llegué dos minutos tarde, cuando él llega una hora tarde siempre.
afi | Fui a pedir mi alta y la señora me dijo que eso no se hacía ahí, luego en otra ventanilla me regresaron a la misma.
tra | El personal de limpieza trapeó con cloro mientras estábamos sentados y mi niño empezó a toser.
far | Solo me dan medicina para 15 días cuando la receta es para un mes, y tengo que volver a hacer fila.
urg | Nos dejaron en un pasillo de urgencias toda la noche en una silla porque no había camillas.
inc | El médico no me quiso dar la incapacidad aunque traía la nota del hospital, me dijo que regresara otro día.
lab | La señorita que toma las muestras no usa guantes y tiene muy mala actitud.
urg* | Una señora se desmayó en la fila de urgencias y pasó media hora tirada sin que nadie la levantara, se pegó en la cabeza.
hosp* | Un familiar de otro paciente amenazó con un cuchillo a la enfermera del turno de noche y no había vigilancia.
ce* | La asistente médica me dijo que si volvía a reclamar me iba a acusar con seguridad para que no me dejaran entrar, me siento amenazada.
tra* | Hubo una pelea a golpes en la sala de espera entre dos familiares y los niños estaban ahí, nadie de seguridad llegó.
far* | Mi papá se quedó sin su medicamento anticonvulsivo un mes y convulsionó en la casa, terminó internado.
ce | la doctora no me quiso revisar a mi hijo porque no traía la cartilla, y venía con calentura
ce | Nos dieron ficha a las 7 y a las 12 seguíamos esperando, no hay respeto por el tiempo de uno.
ce | El médico familiar se sale del consultorio a cada rato y deja a los pacientes esperando.
ce | En la consulta de la tarde solo hay un doctor para tres consultorios.
ce | El doctor se burló de mi peso delante de mi hija, no es la forma.
far | Hay que formarse dos veces en farmacia: una para sellar y otra para recoger, es absurdo.
far | La farmacia cerró a las 7 aunque el letrero dice que cierra a las 8.
far | Me dieron pastillas en una bolsa sin caja y sin decirme cómo se toman.
far | desde diciembre no hay losartan, todos los meses es la misma respuesta
urg | En urgencias me dijeron que lo mío no era urgencia y me mandaron a la casa con un dolor terrible.
urg | Tardaron cuatro horas en ponerle un yeso a mi hijo y el doctor ni se presentó.
urg | Los de urgencias no dejan entrar ni un familiar con los niños chiquitos.
urg | En la noche no hay ni un médico en urgencias, solo enfermeras que no pueden hacer nada.
hosp | Las enfermeras del turno de noche se duermen y no contestan cuando uno las llama.
hosp | Mi mamá pasó dos días en el pasillo del hospital porque no había cama.
hosp | En el cuarto del hospital no sirve la luz y la regadera está rota.
hosp | No nos dieron informes del estado de mi papá en tres días.
lab | El laboratorio no respeta el orden de llegada, pasan primero a los conocidos.
lab | Para recoger unos resultados me hicieron esperar dos horas y luego dijeron que no estaban.
lab | En rayos X la técnica me regañó porque me moví y me trató de ignorante.
afi | En la ventanilla de vigencia me dijeron que no estaba dada de alta y en otra ventanilla que sí.
afi | La fila para afiliación sale a la calle y solo atienden hasta las 2.
afi | El joven de afiliación me contestó que si no me gustaba me fuera a una clínica particular.
cit | No es posible que para una cita de especialidad tenga que esperar medio año.
cit | En el área de citas me dijeron que el sistema no funciona desde hace una semana.
cit | Llegué a mi cita puntual y me dijeron que ya no había doctor, que regresara otro día.
gua | A mi hija la dejaron con el pañal sucio toda la tarde, llegó con rozaduras.
gua | En la guardería no respetan la dieta de mi hijo que es alérgico al huevo.
gua | Las educadoras de la guardería están todo el día en el celular.
inc | Para sellar la incapacidad me mandaron de un edificio a otro toda la mañana.
inc | El médico me dio solo tres días de incapacidad cuando tengo el pie fracturado.
pen | En la ventanilla de pensiones cierran antes de la hora y ya no te atienden.
pen | Me hicieron traer los mismos documentos tres veces para el trámite de pensión.
tra | El policía de la puerta no deja entrar a nadie antes de las 7 aunque esté lloviendo.
tra | Los baños no tienen papel ni jabón, es una vergüenza para una clínica.
tra | La señorita del módulo de información estaba maquillándose y no me contestó.
tra | Hay perros callejeros dentro del patio de la clínica y nadie los saca.
tra | El personal de intendencia es grosero, nos corren de los pasillos de mala manera.
tra | las bancas de la sala estan rotas y la gente se cae
ce | Mi médico no me explica nada, solo me dice que siga igual y me despide.
ce* | El doctor del consultorio 4 me manda mensajes a mi celular invitándome a salir, ya le dije que no y sigue, me siento acosada.
urg* | Un guardia le dio una cachetada a mi hijo porque se metió a buscarme a la sala de urgencias.
tra* | Esto ya lo saben en el noticiero local, grabaron cómo nos tienen esperando bajo la lluvia.
far* | El de farmacia me dijo que si lo reportaba me iba a estar esperando afuera, me dio miedo.
tra* | Un compañero de trabajo de la clínica me hostiga todos los días con insinuaciones, soy asistente médica y nadie me hace caso.
hosp* | Mi papá se cayó de la camilla en el pasillo porque nadie lo vigilaba y se abrió la cabeza.
ce* | La asistente me jaloneó del brazo para sacarme del consultorio, me dejó marcas.
urg* | El video de cómo atienden en urgencias ya está en Facebook y lo compartieron miles, hasta salió en la tele.
cit* | Voy a ir con el presidente municipal y con la Comisión de Derechos Humanos si no me dan la cita de mi hijo.
tra* | Ya hablé con mi diputada federal y me dijo que va a pedir una explicación al IMSS por el mal servicio.
"""

QUEJA_ADMINISTRATIVA = """
far | Solicito el reembolso de los gastos que hice en medicamento particular porque el IMSS no me lo surtió en tres meses, anexo facturas.
far | Compré con mi dinero el tratamiento de quimioterapia de mi madre porque no había en el hospital, pido que me lo reembolsen.
lab | Tuve que pagar una resonancia en un laboratorio particular porque aquí me daban fecha hasta el próximo año, solicito el reintegro de 6,500 pesos.
hosp | Pagué una cirugía en hospital privado porque en el seguro me la difirieron cuatro veces, pido el reembolso de los gastos médicos.
pen | Me negaron la pensión de invalidez diciendo que no tengo semanas suficientes, pero mis hojas rosas dicen otra cosa, pido que revisen mi caso.
pen | Me rechazaron la pensión por viudez con el argumento de que no acredité el concubinato, y viví 22 años con él, solicito una resolución por escrito.
pen | Desde que me pensioné me pagan menos de lo que dice mi resolución, pido que se investigue y me paguen las diferencias.
pen | Me suspendieron la pensión sin avisarme y sin darme ninguna explicación por escrito, exijo que me la restituyan.
inc | Me negaron el pago de la incapacidad por maternidad porque dicen que me faltan semanas, pero tengo 40 cotizadas, pido que se corrija.
inc | El médico de salud en el trabajo dictaminó que mi accidente no fue riesgo de trabajo aunque pasó dentro de la empresa, inconformidad formal.
inc | Me pagaron mis incapacidades al 60% cuando era riesgo de trabajo y debía ser al 100%, solicito que se investigue y se me pague lo correcto.
inc | Se me negó la incapacidad después de mi cirugía de columna, y sigo sin poder caminar, quiero que se revise por escrito.
afi | Me están cobrando cuotas del seguro voluntario de meses que ya había pagado, tengo los comprobantes, pido que se cancele el cobro indebido.
afi | Mi patrón me descuenta el seguro en la nómina pero no me tiene dado de alta, quiero que el IMSS investigue.
afi | Me llegó un cobro de capitales constitutivos que no me corresponde, nunca he sido patrón, solicito aclaración por escrito.
afi | Alguien usó mi número de seguridad social para darse de alta en otra empresa, pido que investiguen y corrijan mi historial.
tra | Un empleado de la ventanilla me pidió 500 pesos para agilizar mi trámite de pensión, denuncio este acto de corrupción.
tra | La persona que me atendió en afiliación me cobró por darme un formato que es gratuito.
tra | Denuncio que en el estacionamiento de la clínica cobran cuota y nos dicen que es por orden del IMSS.
ce | El médico familiar me pidió que le pagara una consulta en su consultorio particular para poder darme el pase al especialista.
hosp* | A mi padre lo operaron de la pierna equivocada, solicito que se investigue al personal responsable.
hosp* | Mi esposa murió después de la cesárea por una infección que nadie atendió, a pesar de que avisamos que tenía fiebre, exijo que se investigue.
urg* | Mi hijo estuvo 12 horas en urgencias con apendicitis sin que lo vieran, se le reventó y casi se muere, quiero que se castigue a los responsables.
urg* | Mi papá falleció en la sala de espera de urgencias sin que nadie lo atendiera, exijo una investigación.
hosp* | Le dejaron una gasa adentro a mi mamá en la operación y tuvieron que volver a operarla, pido que se investigue y se repare el daño.
ce* | Por un diagnóstico equivocado de mi médico familiar a mi hermano le detectaron el cáncer hasta que ya era tarde, pedimos que se investigue.
hosp* | A mi bebé le quemaron el brazo con la incubadora y ahora tiene una cicatriz, solicitamos una investigación y que se responda por escrito.
gua* | En la guardería mi hija se cayó y se fracturó el brazo y nadie nos avisó hasta la hora de salida, pido que se investigue.
gua* | Mi hijo llegó de la guardería con moretones y marcas en la espalda, exijo que se revisen las cámaras y se investigue.
tra* | El jefe de servicio me acosa sexualmente, soy enfermera y ya no sé a quién acudir, quiero que se haga una investigación.
lab | Me cobraron los análisis de laboratorio en la clínica diciendo que no tenía vigencia, y sí estoy vigente, solicito la devolución.
urg | En urgencias me hicieron firmar una hoja de alta voluntaria que yo no pedí, y luego me negaron la atención, presento queja formal.
hosp | Se negaron a operar a mi madre porque según no está vigente, pero tengo la constancia de vigencia, solicito que se resuelva por escrito.
pen | Me están descontando un préstamo de mi pensión que yo nunca solicité, quiero que el instituto investigue.
gua | Me dieron de baja a mi hijo de la guardería sin motivo y sin ningún documento, pido que me den una respuesta por escrito.
inc | Solicito el pago de la ayuda de gastos de funeral, me la negaron porque dicen que no tenía vigencia mi esposo y sí la tenía.
cit | Me negaron el derecho a la atención de especialidad por estar en periodo de conservación de derechos, pido que se revise conforme a la ley.
far | Pido reembolso de lo que gasté en insulina durante cinco meses de desabasto, tengo todos los tickets.
tra | Denuncio al médico del consultorio 12 porque vende medicamentos del IMSS en su consultorio particular.
ce | Mi médico se niega a darme el pase a segundo nivel para que no le cuenten en sus indicadores, y yo sigo enfermo, quiero una resolución.
afi | Me negaron la inscripción de mi hijo con discapacidad como beneficiario mayor de edad, aunque la ley lo permite.
pen | En la resolución de mi pensión pusieron un salario promedio menor al real, quiero que se corrija y se me pague retroactivo.
urg* | La doctora de urgencias le dio de alta a mi hijo con una meningitis diciendo que era gripa, regresamos en la noche y quedó con secuelas.
hosp* | Mi abuelo se cayó de la cama porque no le pusieron barandales, se fracturó la cadera y murió a los días, exigimos justicia.
lab | Me cobraron 300 pesos en rayos X por una placa que supuestamente no estaba cubierta, quiero que me los regresen.
inc | Me niegan la pensión por incapacidad permanente aunque el dictamen dice 40% de valuación, solicito que se revise.
tra* | El director de la clínica nos amenazó con correrlos a todos si poníamos quejas, somos pacientes de hemodiálisis.
ce* | El médico me tocó de forma inapropiada durante la revisión, quiero presentar una queja y que se investigue.
afi | El patrón no me reconoce la antigüedad y el IMSS tiene registradas menos semanas de las que trabajé, pido investigación.
hosp | Pagué 8,000 pesos de estudios y medicinas en la farmacia de enfrente mientras mi papá estaba internado porque el hospital no tenía, quiero el reembolso.
gua | Nos cobran cuotas "voluntarias" obligatorias en la guardería y si no pagas no recibes al niño, eso es cobro indebido.
pen | Mi pensión de ascendientes fue cancelada porque según tengo otro ingreso, y es falso, pido que revisen el expediente.
inc | Me dejaron de pagar las incapacidades a la semana 52 sin dictaminar mi invalidez, estoy sin ingreso y solicito que se resuelva.
urg* | Por no atender a tiempo a mi esposa embarazada en urgencias perdimos a nuestro bebé, queremos una investigación a fondo.
ce | Me dieron de alta médica cuando todavía no me puedo mover bien del hombro, quiero que se revise porque me están quitando la incapacidad.
far | Me cobraron el medicamento en la farmacia de la clínica diciendo que era cuota de recuperación.
cit* | La señorita del módulo de citas me insultó y me dio una cachetada cuando le reclamé, hay testigos, exijo que se sancione.
hosp | Al salir del hospital me hicieron pagar la estancia porque dijeron que ya no tenía vigencia, pido devolución y aclaración.
afi | No me quieren dar de alta a mi concubino porque somos del mismo sexo, es discriminación y pido que se respete mi derecho.
hosp* | Mi madre murió en el hospital por una infección que agarró estando internada, nadie nos dio explicación y queremos que se investigue.
urg* | A mi hijo le dieron un medicamento al que es alérgico aunque lo dijimos tres veces y tuvo un paro, exigimos que se investigue.
ce* | La enfermera le aplicó a mi bebé una vacuna que ya tenía y se puso muy grave, pido una investigación.
gua* | Una niña de la guardería le mordió la cara a mi hijo y lo dejaron sin curar hasta la salida, quiero que se investigue a las cuidadoras.
tra* | El vigilante golpeó a mi hijo menor de edad en la entrada de la clínica, tengo el certificado médico de lesiones.
hosp* | Se llevaron el cuerpo de mi padre a la morgue sin avisarnos y nos lo entregaron dos días después, exigimos una explicación por escrito.
lab* | Por un error en los resultados de laboratorio le dieron quimioterapia a mi tía sin tener cáncer, pedimos que se investigue.
tra* | Un médico residente abusó de mi hija de 15 años en el consultorio, ya pusimos la denuncia penal.
pen | Me negaron la pensión de orfandad de mi hijo porque dicen que no estudia, pero tengo la constancia, pido la revisión.
pen | La resolución de mi pensión por invalidez salió negativa sin que me valorara ningún médico, inconformidad.
pen | Desde hace tres meses me retienen la pensión por un supuesto pago en exceso que nunca recibí.
inc | La subdelegación rechazó mi incapacidad por maternidad porque el médico la fechó mal, no es mi culpa, pido que se corrija.
inc | Me negaron la calificación de enfermedad de trabajo aunque trabajé 15 años con químicos, quiero resolución formal.
inc | Me pagaron la incapacidad con un salario menor al que estoy registrada, pido que se investigue y se me pague la diferencia.
afi | Me dieron de baja del seguro por un error del instituto y me cobraron la consulta, pido la devolución.
afi | El IMSS me está cobrando cuotas como patrón por una trabajadora doméstica que nunca tuve.
afi | Me negaron el registro de mi mamá como beneficiaria aunque dependo económicamente de ella y presenté todo.
far | Tuve que comprar el medicamento para el VIH de mi bolsa porque no había, solicito el reembolso de seis meses.
far | Solicito se me reintegre el dinero de las vacunas que tuve que comprar en farmacia particular por falta en la unidad.
lab | Me negaron el estudio de gabinete que ordenó el especialista diciendo que no me corresponde, quiero la respuesta por escrito.
lab | Pagué mis estudios de laboratorio en un particular porque aquí me daban cita para dentro de cuatro meses, pido el reembolso.
hosp | Me cobraron una cuota por el uso del quirófano, eso no debe cobrarse a los derechohabientes.
hosp | Me dieron de alta a mi papá con la herida abierta para liberar la cama, se infectó y tuvimos que pagar un hospital privado, pedimos reembolso.
urg | Me negaron la atención de urgencias a mí y a mi bebé porque no éramos de esa zona, tuvimos que pagar en particular y pido el reembolso.
ce | El médico familiar alteró mi expediente para que no se viera que no me mandó al especialista.
tra | Un trabajador me pidió dinero para conseguirme la cama en el hospital para mi mamá.
tra | Denuncio que un empleado de la clínica vende las citas de especialidad afuera del edificio.
tra | La jefa de enfermeras cobra 200 pesos por hacer el cambio de turno de las citas.
gua | La guardería me negó el servicio porque según no estoy vigente, pero tengo la constancia, pido que se resuelva.
gua | Me cobraron en la guardería subrogada una cuota de material que no está permitida, solicito devolución y sanción.
cit | Me quitaron la cita de cirugía para dársela a un conocido del doctor, quiero que se investigue.
inc | Me quieren cobrar de regreso incapacidades que ya me pagaron diciendo que fue un error de ellos.
pen | Me negaron la asignación familiar en mi pensión aunque mi esposa depende de mí.
hosp* | A mi madre le dieron un medicamento equivocado en el hospital y le dio un paro, exigimos que se investigue.
hosp* | Mi papá se cayó en el baño del hospital porque no había nadie que lo acompañara y se rompió la cabeza, murió dos días después.
urg* | Mi hermana llegó a urgencias con dolor en el pecho, la mandaron a su casa sin estudios y murió de un infarto en la madrugada.
ce* | Mi doctor no quiso mandar a mi hija al especialista por meses y el tumor creció, ahora ya no es operable.
gua* | Mi hija se ahogó con comida en la guardería y la tuvieron que llevar a urgencias, nadie la estaba vigilando.
tra* | Un camillero intentó besar a mi hija de 16 años en el elevador, exigimos que se investigue y se le despida.
hosp* | Nació muerto mi bebé porque no me quisieron hacer cesárea a tiempo, quiero que se haga una investigación.
tra* | Un trabajador de la clínica sacó fotos de mi expediente y las publicó en redes sociales, pido que se investigue.
lab* | En rayos X me dejaron caer de la camilla, me fracturé la muñeca y nadie se hizo responsable.
far* | Por un error en la receta le dieron a mi hijo diez veces la dosis y terminó en terapia intensiva, exijo una investigación.
afi | Pido que me reintegren los meses de seguro voluntario que pagué y que el sistema no registró.
pen | Exijo que se revise por qué mi pensión es menor a la de compañeros con las mismas semanas cotizadas.
ce | Me negaron la consulta diciendo que mi patrón no ha pagado, eso no es mi culpa y tengo derecho.
urg | Me cobraron el traslado en ambulancia del IMSS, quiero que me devuelvan el dinero.
hosp | Nos hicieron comprar material de curación para la operación de mi papá, pido que se investigue y nos lo paguen.
hosp* | Mi tía perdió la vida por una hemorragia después de la operación, las enfermeras no avisaron al médico a tiempo.
urg* | Mi hijo de 3 años se nos fue en urgencias esperando que lo pasaran, tenía deshidratación y nadie lo vio en cinco horas.
hosp* | A mi esposo le dio una infección en el hospital y quedó en coma, exigimos que se investigue la higiene del quirófano.
ce* | Por una inyección mal aplicada en la clínica mi mamá quedó sin poder mover la pierna, pido que se investigue.
gua* | Una cuidadora de la guardería le pegó a mi hijo, él me lo contó y tiene moretones, exijo que se investigue.
tra* | Un enfermero abusó sexualmente de mi hermana cuando estaba internada, ya presentamos denuncia ante la fiscalía.
hosp* | Mi papá salió del hospital con una úlcera enorme por no moverlo en semanas, terminó con la pierna amputada.
urg* | Le pusieron la sangre de otro tipo a mi mamá en urgencias y casi muere, queremos que se investigue.
lab* | Por no entregar a tiempo el resultado de la biopsia, a mi esposa le detectaron el cáncer ya muy avanzado y falleció.
tra* | El director de la unidad me amenazó con quitarme el servicio si seguía poniendo quejas, quiero que se investigue.
far* | La farmacia le surtió a mi papá un medicamento caducado y tuvo una reacción grave, estuvo en terapia intensiva.
hosp* | Mi bebé murió a los dos días de nacido y nadie nos explicó de qué, queremos una investigación y el expediente.
"""

SUGERENCIA = """
tra | Sugiero que pongan más sillas en la sala de espera, la gente mayor se cansa de estar parada.
tra | Estaría bien que pusieran un bebedero, hace mucho calor y no hay dónde comprar agua.
tra | Propongo que pongan letreros más grandes para encontrar los consultorios, uno se pierde.
tra | Sería bueno que hubiera rampas en la entrada de atrás para las sillas de ruedas.
tra | Deberían poner una televisión o algo de lectura en la sala, la espera es muy larga.
tra | Sugiero que instalen ventiladores o clima en la sala de espera de la planta alta.
tra | que pongan techo en la fila de afuera, cuando llueve nos mojamos todos
tra | Estaría padre que hubiera un área de juegos para los niños mientras los papás esperan.
tra | Propongo que el personal use gafete con su nombre a la vista, así sabemos con quién hablamos.
tra | Mi sugerencia es dar cursos de atención al público a los vigilantes.
ce | Sugiero que den fichas por la tarde también, no todos podemos venir en la mañana.
ce | Sería bueno que los consultorios tuvieran una pantalla con el número de turno, como en los bancos.
ce | Propongo que a los adultos mayores les den preferencia en la consulta externa.
ce | Estaría bien que el médico familiar pudiera dar recetas para tres meses a los pacientes crónicos.
ce | Deberían abrir consulta los domingos aunque sea unas horas, para los que trabajamos toda la semana.
far | Sugiero que en la farmacia abran las dos ventanillas en la hora de más gente.
far | Estaría bien que avisen por mensaje cuando ya llegó el medicamento que faltaba.
far | Propongo una fila especial en farmacia para embarazadas y personas con discapacidad.
far | que la farmacia abra desde las 7 porque muchos entramos a trabajar a las 8
urg | Sugiero que en urgencias haya una pantalla que diga cuánto falta para que te atiendan.
urg | Sería bueno que en urgencias informaran a los familiares cada hora cómo va el paciente.
urg | Deberían tener un área separada en urgencias para los niños.
hosp | Sugiero que en el hospital dejen entrar un familiar de día a los pacientes mayores.
hosp | Propongo que pongan sillones reclinables para los familiares que se quedan en la noche.
hosp | Estaría bien que el hospital tuviera un lugar para que los familiares puedan bañarse.
lab | Sugiero que el laboratorio tome muestras desde las 6:30, así alcanzamos a llegar al trabajo.
lab | Sería bueno que los resultados de laboratorio los puedan consultar en la aplicación.
lab | Propongo que den cita con hora para rayos X y no que todos lleguen al mismo tiempo.
afi | Sugiero que los trámites de vigencia se puedan hacer en línea sin venir a la subdelegación.
afi | Deberían poner más personal en afiliación los lunes, que es cuando hay más gente.
afi | Mi sugerencia es que en afiliación tengan una lista impresa de los papeles que piden, para no dar vueltas.
cit | Sugiero que manden un mensaje de texto para recordar las citas, mucha gente se olvida.
cit | Estaría bien poder cancelar la cita por la aplicación para que otro la aproveche.
cit | Propongo que las citas del especialista se den por teléfono y no haya que venir a formarse.
cit | que pongan un numero de whatsapp para las citas, por telefono nunca contestan
gua | Sugiero que la guardería mande fotos o un reporte diario por mensaje a los papás.
gua | Estaría bien que la guardería tuviera horario extendido hasta las 7 para los que salimos tarde.
gua | Propongo que en la guardería den talleres de crianza para padres una vez al mes.
inc | Sugiero que las incapacidades se puedan descargar en la página para entregarlas en el trabajo.
inc | Sería bueno que explicaran en un tríptico cómo se cobra la incapacidad, nadie sabe cómo.
pen | Propongo que en pensiones den citas para no tener a los viejitos formados desde la madrugada.
pen | Sería bueno que en pensiones pongan a alguien que explique con calma, que no todos entendemos los términos.
tra | Sugiero poner más botes de basura en el patio, siempre está sucio porque no hay dónde tirar.
tra | Propongo que el estacionamiento sea solo para pacientes y que el personal se estacione en otro lado.
tra | Sería bueno tener un buzón en la planta alta también, este está escondido.
tra | Estaría bien poner gel antibacterial en cada consultorio y en la entrada.
tra | Deberían poner un elevador o un montacargas, hay muchos adultos mayores que no pueden subir escaleras.
ce | Sugiero que las enfermeras de preventiva vayan a las escuelas a vacunar y no que los niños falten.
ce | Una idea: que en la sala de espera pasen videos de cómo cuidar la diabetes mientras uno espera.
far | Sería buena idea poner un horario de farmacia en la puerta, porque cierra y uno no sabe.
lab | Sugiero que los técnicos de rayos X expliquen el estudio antes de hacerlo, uno llega asustado.
hosp | Deberían tener intérprete de lengua de señas en el hospital, mi hermano es sordo y batallamos mucho.
urg | Propongo que haya un guardia en la entrada de urgencias que oriente a la gente que llega.
tra | Propongo que los avisos estén también en lengua indígena, aquí viene mucha gente de las comunidades.
cit | Sugiero que reserven unas fichas para las personas que vienen de los ranchos y llegan más tarde.
tra | Sería bueno que pongan un cajero automático dentro de la clínica.
afi | Sugiero que se pueda dar de alta a los recién nacidos en el mismo hospital donde nacen.
tra* | Sugiero que pongan vigilancia en el estacionamiento, ya asaltaron a dos señoras con pistola a la salida.
gua | Estaría bien que la guardería tenga un menú publicado para saber qué comen los niños.
ce | Pienso que sería mejor que el médico tenga más tiempo por paciente, aunque se den menos fichas.
tra | Mi propuesta: un módulo de orientación en la entrada con alguien que diga a dónde ir.
far | Sugiero que surtan las recetas de los pacientes crónicos en farmacias cercanas, como en otros programas.
hosp | Sugerencia para el hospital: que la comida de los pacientes diabéticos sea distinta, les dan pan dulce.
lab | Estaría bien que el laboratorio tenga sillas para los que esperamos en ayunas, uno se marea.
inc | Propongo que el pago de incapacidades sea más rápido, como una transferencia el mismo día.
hosp* | Sugiero que pongan barandales en las camas, mi tío se cayó de la cama y se fracturó la cadera.
tra | Sería muy útil que hubiera un teléfono público o un cargador para celulares en la sala de espera.
tra | Deberían poner una fila especial para adultos mayores en la entrada.
tra | Sugiero que haya mejor iluminación en el estacionamiento en la noche.
tra | Propongo que se pinte la clínica, se ve muy descuidada.
tra | Mi sugerencia es que los guardias ayuden a orientar a las personas que llegan por primera vez.
tra | Pongan un reloj grande en la sala, nadie sabe qué hora es.
ce | Sugiero que se pueda pedir la consulta de medicina familiar por mensaje de texto.
ce | Propongo que el consultorio de enfermería abra en la tarde para los que trabajamos.
ce | Estaría bien que el médico revise el expediente antes para que la consulta sea más rápida.
ce | Sería bueno que se organicen pláticas para pacientes diabéticos una vez al mes.
far | Propongo que en la farmacia haya una persona que explique cómo tomar los medicamentos.
far | Sugiero que en la farmacia se pueda dejar la receta y recoger el medicamento más tarde.
far | Deberían avisar en la pantalla cuáles medicamentos no hay para no hacer fila en balde.
urg | Propongo que en urgencias haya bancas suficientes para los familiares.
urg | Sugiero que se informe a los familiares por altavoz cuando ya pasaron al paciente.
hosp | Sugiero que el horario de visita sea más amplio para los que trabajamos de día.
hosp | Sería bueno que el hospital tuviera más enchufes en los cuartos para los aparatos de los pacientes.
hosp | Propongo que se dé una plática a los familiares de cómo cuidar al paciente al salir del hospital.
lab | Sugiero que el laboratorio abra los sábados.
lab | Propongo que los resultados se entreguen por correo y no tener que ir por ellos.
afi | Sugiero que pongan una computadora para que uno mismo imprima su constancia de vigencia.
afi | Sería bueno que afiliación tenga horario en la tarde.
cit | Propongo que haya un número de turno para la ventanilla de citas y no una fila desordenada.
cit | Sería bueno que las citas de laboratorio y de consulta coincidan el mismo día para no venir dos veces.
gua | Sugiero que en la guardería haya más actividades al aire libre.
gua | Propongo que la guardería tenga una junta con los papás cada bimestre.
inc | Sugiero que el médico pueda mandar la incapacidad por correo a la empresa directamente.
pen | Sería bueno que los pensionados tuvieran una ventanilla exclusiva en la subdelegación.
pen | Sugiero que se expliquen los trámites de pensión con videos en la página.
tra | Propongo que se ponga un bebedero y baños cerca de la entrada para los que esperan afuera.
tra | sugiero que pongan una rampa en la puerta de la farmacia para las sillas de ruedas
tra | Deberían tener intérpretes para las personas que solo hablan náhuatl.
ce | Estaría bien que dieran fichas por internet para no madrugar.
hosp | Sugiero que se permita a los niños visitar a sus papás internados aunque sea unos minutos.
tra | Sería bueno que el buzón tenga formatos y pluma, hoy no había.
far | Propongo un horario especial en farmacia para los pacientes de hemodiálisis.
urg | Sugiero que en urgencias den una ficha con número para saber el orden.
lab | Deberían poner un área con cortinas para las tomas de muestra, no hay privacidad.
gua | Que en la guardería hagan simulacros y nos avisen a los papás cómo salieron.
tra | Sería una buena idea un área de lactancia en la clínica.
tra* | Sugiero que haya seguridad en la noche, anoche golpearon a un familiar en la sala de espera.
urg* | Propongo que en urgencias haya protocolo para infartos, mi vecino murió esperando y no quiero que le pase a nadie más.
"""

RECONOCIMIENTO = """
ce | Quiero felicitar a la doctora del consultorio 7 por su paciencia y lo bien que explica las cosas.
ce | Agradezco al doctor Ramírez del turno vespertino, me escuchó con atención y me revisó completa.
ce | Mi reconocimiento a la asistente médica del consultorio 3, siempre amable con los adultos mayores.
ce | Muchas gracias a mi médico familiar por darle seguimiento a mi diabetes, gracias a él estoy controlada.
ce | la doctora de la tarde es un angel, nos atiende con mucho cariño a mi y a mis hijos
ce | Felicito a la enfermera de medicina preventiva por su trato tan amable al vacunar a mi bebé.
urg | Agradezco profundamente al equipo de urgencias del turno nocturno, atendieron a mi papá de inmediato y le salvaron la vida.
urg | Gracias al doctor de urgencias que atendió a mi hija cuando se cortó la mano, fue rápido y muy humano.
urg | Quiero reconocer a las enfermeras de urgencias pediatría, tuvieron mucha paciencia con mi niño.
urg | Mi agradecimiento al camillero de urgencias que me ayudó a bajar a mi mamá del carro sin que nadie se lo pidiera.
hosp | Doy las gracias al personal del tercer piso de medicina interna por cuidar tan bien a mi esposo los días que estuvo internado.
hosp | Felicito a las enfermeras de ginecología, me atendieron con mucho respeto durante mi parto.
hosp | Quiero hacer un reconocimiento al cirujano que operó a mi hijo, nos explicó todo y salió muy bien.
hosp | Agradezco a las señoras de intendencia del hospital, el piso siempre estuvo limpio.
hosp | Gracias al personal de nutrición del hospital, la comida de mi papá siempre llegó a tiempo.
far | Felicito a los muchachos de la farmacia, ahora la fila avanza rápido y son muy atentos.
far | Gracias a la señorita de farmacia que me explicó cómo tomar mis medicamentos con mucha calma.
far | Un reconocimiento a la encargada de farmacia que me consiguió la medicina de otra clínica.
lab | Felicidades a la química del laboratorio, no me dolió nada y mi hijo ni lloró.
lab | Agradezco al técnico de rayos X, fue muy cuidadoso con mi abuelita que no se puede mover.
lab | Mi reconocimiento al personal de laboratorio por la puntualidad, a las 7 en punto ya estaban tomando muestras.
afi | Quiero agradecer a la señorita de afiliación que me ayudó a corregir mis datos en un ratito.
afi | Felicito al personal de afiliación y vigencia, me resolvieron en la misma visita.
cit | Gracias al personal de citas, me reprogramaron sin problema y me hablaron para confirmar.
cit | Un agradecimiento a la chica de recepción que me consiguió cita el mismo día para mi hijo.
gua | Agradezco a las educadoras de la sala maternal, mi hija aprendió muchísimo este año.
gua | Quiero reconocer el trabajo de la guardería, mi bebé está feliz y siempre limpio.
gua | Felicito a la directora de la guardería por su atención y por mantenernos informados.
inc | Gracias al licenciado de prestaciones que me explicó cómo cobrar mi incapacidad, fue muy claro.
inc | Reconozco la rapidez con la que me pagaron mi incapacidad por maternidad, todo en orden.
pen | Mi agradecimiento a la licenciada de pensiones que me ayudó con todo el trámite de mi jubilación.
pen | Gracias a la persona de la ventanilla de pensiones por su trato amable con mi papá que ya no escucha bien.
tra | Felicito al vigilante de la puerta principal, siempre saluda y orienta a las personas.
tra | Agradezco a la trabajadora social que nos apoyó cuando no sabíamos qué hacer con mi mamá.
tra | Quiero reconocer la limpieza de la clínica, los baños están impecables.
tra | Gracias a la señora del módulo de atención que me escuchó y me resolvió mi problema.
tra | Mi felicitación a todo el personal de esta unidad, el cambio se nota, todo está muy ordenado.
ce | Gracias doctor Luis por atender a mi mamá con tanto respeto, usted es un gran médico.
ce | Agradezco a la doctora del consultorio 10, detectó a tiempo el problema de tiroides de mi hija.
urg | Quiero felicitar al personal de urgencias adultos por lo organizados que estuvieron la noche del accidente.
hosp | Quisiera dar las gracias a todo el equipo de terapia intensiva, mi hijo salió adelante gracias a ustedes.
lab | Muy buena atención en rayos X, rápido y amables, felicidades.
far | excelente servicio en farmacia, me surtieron todo completo, gracias
tra | Reconozco el esfuerzo del personal de la clínica a pesar de que son pocos y hay mucha gente.
gua | Gracias a la cocinera de la guardería, mi hijo ahora come verduras gracias a ella.
cit | Me gustó mucho que ahora den citas por la aplicación, muy práctico, felicidades.
hosp | Felicito a la enfermera Rosita del turno nocturno de pediatría, nunca nos dejó solos.
ce | Le doy las gracias a la nutrióloga, he bajado 10 kilos con su plan.
tra | Agradezco al personal de rehabilitación, gracias a sus terapias ya puedo caminar otra vez.
urg | Gracias al paramédico de la ambulancia que llegó muy rápido a mi casa.
afi | Excelente atención del joven de la ventanilla 2, muy educado y eficiente.
tra | Dios los bendiga a todos los que trabajan aquí, siempre me han tratado muy bien.
ce | Mi reconocimiento a la dentista, muy profesional y no me lastimó nada.
hosp | Agradezco a los médicos residentes de cirugía que estuvieron pendientes de mi esposa día y noche.
pen | Gracias por la atención rápida en el trámite de pensión de mi mamá, todo salió en un mes.
gua | Felicidades a la guardería por la fiesta del día del niño, se nota el cariño.
lab | Agradezco a la señorita que me tomó la muestra, tenía miedo y me tranquilizó.
far | Quiero reconocer al farmacéutico del turno de la tarde que siempre tiene buena actitud.
tra | Felicito al chofer de la ambulancia de traslados, manejó con mucho cuidado.
ce | Gracias a la asistente médica que me ayudó a llenar el formato porque no sé leer bien.
urg | Reconocimiento para la doctora de triage, nos explicó con paciencia por qué debíamos esperar.
hosp | Gracias a las enfermeras de oncología por el cariño que le dieron a mi mamá durante sus quimioterapias.
tra | Quiero agradecer a la psicóloga de la clínica, me ha ayudado mucho a salir de la depresión.
cit | Muy amable la señorita de la ventanilla de citas, me acomodó la cita en la tarde para no faltar al trabajo.
ce | Le quiero dar las gracias a la doctora Martínez, me atendió a pesar de que llegué tarde.
ce | Reconozco el trabajo de la enfermera de la curación de pie diabético, muy paciente con mi papá.
ce | Mi médico familiar es excelente, siempre me explica y me da tiempo, felicítenlo de mi parte.
ce | Gracias a la trabajadora de preventiva por las pláticas, aprendí a cuidarme.
urg | Gracias al personal de urgencias por salvarle la vida a mi esposo después del accidente.
urg | Felicito a la enfermera de triage, muy atenta y me tranquilizó cuando llegué asustada.
urg | Me atendieron muy rápido en urgencias, el doctor fue muy amable, gracias.
hosp | Agradezco a todo el personal de la unidad de quemados por cuidar a mi hijo durante dos meses.
hosp | Mi reconocimiento a las enfermeras de pediatría, le cantaban a mi niña para que no llorara.
hosp | Gracias al equipo de ginecología por la atención de mi parto, todo fue muy humano.
hosp | Quiero felicitar al médico internista que atendió a mi papá, fue muy claro con la familia.
far | Gracias a la farmacia por tener todos mis medicamentos este mes, se agradece.
far | Felicito al muchacho de farmacia que me atendió con mucha paciencia aunque yo no entendía.
lab | Quiero reconocer al técnico de ultrasonido, me explicó todo de mi bebé con mucho cariño.
lab | Excelente atención en el laboratorio, nunca había sido tan rápido, gracias.
afi | Gracias a la señorita de afiliación, me ayudó a dar de alta a mi bebé en un momento.
afi | Reconozco la amabilidad del personal de vigencia, me orientaron muy bien.
cit | Gracias a la señorita de citas que me ayudó aunque ya iba de salida.
cit | Felicito al área de citas, ya contestan el teléfono y son muy amables.
gua | Agradecemos a la guardería por el cuidado de nuestros hijos, los niños están muy contentos.
gua | Mi reconocimiento a la maestra Lupita de la guardería, es excelente con los bebés.
inc | Agradezco a la doctora de salud en el trabajo por la atención tan completa de mi caso.
inc | Gracias a la ventanilla de prestaciones, me pagaron mi incapacidad en tiempo y forma.
pen | Reconozco al personal de pensiones, me atendieron en orden y con respeto.
pen | Felicito a la licenciada que me ayudó a sacar mi pensión, todo muy claro.
tra | Gracias a los señores de vigilancia que ayudaron a mi mamá a bajar del taxi.
tra | Felicito a la clínica por lo limpia que está, da gusto venir.
tra | Reconozco a la señora del módulo de orientación, me ayudó a llenar todos los papeles.
tra | Agradezco a todo el personal por la atención durante la pandemia, fueron unos héroes.
tra | gracias por todo, muy buen trato de todos
ce | felicidades a la doctora del consultorio 2, muy buena doctora
hosp | Mil gracias a los doctores y enfermeras de terapia intensiva neonatal, mi bebé está en casa gracias a ustedes.
urg | Quiero reconocer a los camilleros de urgencias, siempre atentos y amables.
lab | Mi agradecimiento a la química que me tomó la muestra a mi bebé, fue muy delicada.
far | Muy rápida la farmacia hoy, felicidades al personal.
tra | Reconozco la labor del director de la clínica, siempre está al pendiente de los pacientes.
ce | Agradezco a la doctora de la tarde por escucharme con paciencia, me hizo sentir en confianza.
hosp | Gracias a la señora de la cocina del hospital que le llevaba un té caliente a mi papá.
gua | Felicito a la guardería por el festival, se nota el esfuerzo de las educadoras.
afi | Gracias al licenciado de afiliación que me resolvió el problema de mi número duplicado.
"""

# Noise-free wrappers. Greetings and farewells carry no tipo.
SALUDOS = [
    "A quien corresponda:",
    "A QUIEN CORRESPONDA",
    "Por medio de la presente",
    "Estimado director de la unidad:",
    "Buenos días.",
    "Buenas tardes,",
    "Señores del IMSS:",
    "C. Director de la Unidad de Medicina Familiar No. {umf}",
    "Atención: Módulo de Atención y Orientación al Derechohabiente",
    "Lic. encargado del módulo de atención:",
    "Hola",
    "Estimados señores:",
    "Al personal del buzón",
    "Presente.",
]

INTROS_NEUTRAS = [
    "Por medio de la presente me dirijo a ustedes para exponer lo siguiente.",
    "Me permito escribir esta carta para hacer de su conocimiento lo siguiente:",
    "Escribo esto porque no encontré a nadie en el módulo.",
    "Les escribo con respecto a lo que pasó el día de ayer.",
    "Dejo este escrito en el buzón porque es la única forma que encontré.",
    "Quiero comentar lo siguiente:",
    "Paso a exponer:",
    "Por este medio les hago saber lo siguiente.",
    "Les dejo este papel porque en ventanilla me dijeron que lo pusiera por escrito.",
]

INTROS_POR_TIPO = {
    "orientacion": [
        "Me gustaría que alguien me orientara sobre lo siguiente.",
        "Tengo una duda que nadie me ha podido aclarar.",
        "Les escribo para pedir información.",
        "Solicito orientación respecto a lo que les explico.",
    ],
    "gestion": [
        "Les escribo para solicitar su apoyo con un trámite.",
        "Me dirijo a ustedes para pedir que se atienda mi solicitud.",
        "Por medio de la presente solicito su intervención para resolver un pendiente.",
        "Requiero su ayuda para lo siguiente.",
    ],
    "queja_servicio": [
        "Quiero poner una queja por el mal servicio.",
        "Me dirijo a ustedes para manifestar mi inconformidad con la atención.",
        "Vengo a quejarme porque ya no es posible lo que pasa en esta clínica.",
        "Queja:",
    ],
    "queja_administrativa": [
        "Presento formal queja y solicito que se me dé respuesta por escrito.",
        "Por medio del presente interpongo una queja para que se investigue lo siguiente.",
        "Solicito que se abra una investigación por los siguientes hechos.",
        "Me dirijo a la autoridad correspondiente para denunciar lo siguiente.",
    ],
    "sugerencia": [
        "Quiero dejar una sugerencia para mejorar el servicio.",
        "Tengo una propuesta que creo que ayudaría a todos.",
        "Sugerencia:",
        "Con todo respeto me permito sugerir lo siguiente.",
    ],
    "reconocimiento": [
        "Quiero dejar un reconocimiento.",
        "Escribo para felicitar a una persona que trabaja aquí.",
        "Reconocimiento:",
        "Me da mucho gusto escribir esto para agradecer.",
    ],
}

# Context sentences: who writes and for whom; no tipo, no servicio.
CONTEXTOS = [
    "Soy derechohabiente de esta unidad desde hace más de 20 años.",
    "Escribo en nombre de mi mamá, que tiene 78 años y no puede escribir.",
    "Mi esposo es pensionado y yo soy su beneficiaria.",
    "Soy adulto mayor y vengo solo a mis consultas.",
    "Trabajo en una maquiladora y solo puedo venir en mi día de descanso.",
    "Les escribe la hija de la paciente {nombre}.",
    "Soy madre soltera con tres hijos.",
    "Mi papá tiene diabetes e hipertensión desde hace años.",
    "Vengo desde un municipio que está a dos horas de aquí.",
    "Tengo una discapacidad en la pierna y uso bastón.",
    "Soy trabajador de la construcción.",
    "Estoy embarazada de siete meses.",
    "Mi hijo tiene 4 años.",
    "Yo no sé escribir bien, perdonen la letra.",
    "Esto lo escribe mi nieta porque yo no veo bien.",
    "Es la primera vez que escribo al buzón.",
    "Ya había dejado otro papel hace un mes.",
    "Somos una familia de cinco y todos estamos asegurados aquí.",
    "Mi esposa está en tratamiento desde el año pasado.",
    "Soy paciente de la clínica {umf}.",
]

CIERRES_POR_TIPO = {
    "orientacion": [
        "Gracias de antemano por la información.",
        "Espero su respuesta para saber qué hacer.",
        "Ojalá alguien me pueda explicar.",
        "¿A dónde tengo que acudir?",
        "Quedo pendiente de su orientación.",
    ],
    "gestion": [
        "Espero que me puedan ayudar con este trámite.",
        "Anexo copia de mis documentos.",
        "Les agradeceré que me resuelvan lo antes posible.",
        "Quedo en espera de que me llamen.",
        "Ya no sé a quién más acudir para que me lo resuelvan.",
    ],
    "queja_servicio": [
        "Espero que hagan algo al respecto.",
        "No es justo que nos traten así.",
        "Ojalá esto se corrija pronto.",
        "Pido que se tomen cartas en el asunto.",
        "Ya estamos cansados de lo mismo.",
    ],
    "queja_administrativa": [
        "Solicito una respuesta por escrito.",
        "Pido que se sancione a quien resulte responsable.",
        "Me reservo el derecho de acudir a otras instancias.",
        "Anexo copias de los documentos que lo comprueban.",
        "Exijo que se investigue a fondo.",
    ],
    "sugerencia": [
        "Creo que así estaríamos todos mejor.",
        "Ojalá lo tomen en cuenta.",
        "Es solo una idea para mejorar.",
        "Gracias por leer mi sugerencia.",
        "Sé que no es fácil pero ayudaría mucho.",
    ],
    "reconocimiento": [
        "Sigan así.",
        "Que Dios los bendiga.",
        "Personas así hacen falta.",
        "Muchas gracias por todo.",
        "Ojalá le hagan llegar mi agradecimiento.",
    ],
}

# Polite endings used for every tipo, so that "gracias" alone never means reconocimiento.
CIERRES_NEUTROS = [
    "Gracias por su atención.",
    "Agradezco de antemano.",
    "Sin más por el momento.",
    "Quedo a sus órdenes.",
    "Saludos.",
]

DESPEDIDAS = ["Atentamente", "ATENTAMENTE", "Saludos cordiales", "Respetuosamente", "Gracias", ""]

# Caso-especial add-ons, only appended to quejas.
AGRAVANTES = [
    "Ya di aviso a un periodista del diario local y va a publicar lo que pasó.",
    "El vigilante me amenazó con que me iba a ir mal si seguía reclamando.",
    "Cuando reclamé, el señor me empujó y casi me caigo.",
    "Mi diputado ya está enterado de esta situación.",
    "Por esto mi papá terminó en terapia intensiva, casi se nos muere.",
    "Lo grabé todo con mi celular y lo voy a subir a las redes.",
    "Ya se lo mandé a un reportero de la televisión.",
    "El guardia me dijo que me iba a partir la cara si volvía a reclamar.",
    "Mi papá quedó muy grave por esta situación.",
    "Cuando reclamé, la señora me dio un manotazo.",
    "Ya fui a la Comisión de Derechos Humanos.",
    "A raíz de esto mi abuelita falleció.",
]

NOMBRES = [
    "María Guadalupe Hernández López",
    "José Luis Martínez Ramírez",
    "Juana Pérez Cruz",
    "Francisco Javier Gómez Ruiz",
    "Rosa María Sánchez Flores",
    "Miguel Ángel Torres Díaz",
    "Patricia Morales Reyes",
    "Juan Carlos Vázquez Castillo",
    "Leticia Jiménez Ortiz",
    "Roberto Mendoza Aguilar",
    "Verónica Castro Romero",
    "Alejandro Ríos Medina",
    "Ana Laura Chávez Herrera",
    "Jorge Alberto Domínguez Vargas",
    "Silvia Ramos Guerrero",
    "Pedro Nava Salazar",
    "Claudia Ivonne Luna Mejía",
    "Arturo Cortés Estrada",
    "Martha Elena Delgado Campos",
    "Raúl Ibarra Soto",
    "Gabriela Fuentes Rosales",
    "Enrique Contreras Lara",
    "Yolanda Espinoza Carrillo",
    "Fernando Sandoval Núñez",
]

MEDICOS = ["Dr. Ramírez", "la Dra. Cervantes", "el doctor Ochoa", "la doctora Beltrán", "Dr. Solís"]

ETIQUETAS_VOLANTE = [
    "Descripción:",
    "DESCRIBA SU QUEJA, SUGERENCIA O RECONOCIMIENTO",
    "Motivo:",
    "Comentarios:",
]

# Non-petitions. Blocks are separated by lines with "---". Slots in braces are filled at render.
NO_PETICIONES = """
IMSS
CAMPAÑA NACIONAL DE VACUNACIÓN
Vacúnate contra la influenza
Del {fecha} al 31 de marzo
Acude a tu Unidad de Medicina Familiar
Niños de 6 meses a 5 años, adultos mayores de 60, embarazadas
---
Chécate, Mídete, Muévete
Cuida tu peso, tu presión y tu glucosa.
Acude a PrevenIMSS una vez al año.
IMSS Salud
---
FARMACIA SAN JORGE
Sucursal Centro
Ticket {folio}  {fecha} {hora}
PARACETAMOL 500MG 10 TAB   $ {precio}
OMEPRAZOL 20MG 14 CAP      $ {precio}
SUBTOTAL                   $ {precio}
TOTAL                      $ {precio}
GRACIAS POR SU COMPRA
---
INSTITUTO MEXICANO DEL SEGURO SOCIAL
RECETA INDIVIDUAL
Nombre: {nombre}  NSS: {nss}
Dx: Hipertensión arterial sistémica
Losartán 50 mg tabletas. Tomar una cada 12 horas por 30 días.
Clave 2520  Cantidad 2 cajas
Médico: {medico}  Consultorio {num}
---
CARNET DE CITAS
UMF {umf}
Fecha: {fecha}   Hora: {hora}
Consultorio: {num}  Turno: Matutino
Favor de presentarse 20 minutos antes con su carnet.
---
CARTILLA NACIONAL DE SALUD
Niñas y niños de 0 a 9 años
BCG  dosis única  {fecha}
Hepatitis B  1a dosis  {fecha}
Pentavalente acelular  2 meses
Rotavirus  2 meses
---
DERECHOS DE LOS DERECHOHABIENTES
1. Recibir atención médica adecuada.
2. Recibir trato digno y respetuoso.
3. Recibir información suficiente, clara y oportuna.
4. Decidir libremente sobre su atención.
5. Ser atendido cuando se inconforme por la atención médica recibida.
Si tiene alguna queja acuda al Módulo de Atención y Orientación.
---
HORARIO DE FARMACIA
Lunes a viernes de 8:00 a 20:00 hrs
Sábados de 8:00 a 14:00 hrs
Presente su receta y su credencial ADIMSS
---
lista del super
tortillas
2 kg de jitomate
leche
huevo
jabón zote
papel de baño
---
Llamar a la tía Chela para lo del sábado
pagar la luz antes del {num}
recoger a Memo a las 2
---
SE VENDEN TAMALES
de rajas, verde y dulce
$15 c/u
pedidos al {telefono}
---
CLASES DE REGULARIZACIÓN
Primaria y secundaria
Matemáticas, español, inglés
Informes: {telefono}
---
SE RENTA CUARTO
amueblado, con baño propio
cerca de la clínica del seguro
tel {telefono}
---
Tarea de ciencias naturales
1. ¿Qué es la fotosíntesis?
Es el proceso por el cual las plantas fabrican su alimento con la luz del sol.
2. Menciona tres órganos del aparato digestivo.
boca, estómago, intestino
---
MENÚ DEL DÍA
Sopa de fideo
Arroz
Pollo en mole o bistec a la mexicana
Agua de jamaica
$85
---
~~ ||  /\\/\\  ,.;  _  o  O  ((  ))  ////  -- ~~  ll1  ..
---
}}  ^^  ||||  ~  ;:  %  —  oOo  ...  ==  \\\\  `  '  ,,
---
SOLICITUD DE ESTUDIOS DE LABORATORIO
Biometría hemática completa
Química sanguínea de 6 elementos
Examen general de orina
Paciente: {nombre}  Edad: {num}
Ayuno de 8 horas
---
RESULTADOS DE LABORATORIO
Glucosa  {num} mg/dL   (70-100)
Colesterol total  198 mg/dL
Triglicéridos  165 mg/dL
Creatinina  0.9 mg/dL
Validó: QFB {nombre}
---
CERTIFICADO DE INCAPACIDAD TEMPORAL PARA EL TRABAJO
Serie y folio {folio}
Ramo de seguro: Enfermedad general
Días autorizados: {num}
A partir del {fecha}
---
CONSTANCIA DE VIGENCIA DE DERECHOS
El C. {nombre} con NSS {nss}
se encuentra vigente en sus derechos al {fecha}.
Unidad de adscripción: UMF {umf}
---
Acuse de recepción de petición
Folio: {folio}
Fecha de recepción: {fecha}
Puede consultar el estado de su petición en http://siadeconsulta.imss.gob.mx/consultapeticiones
---
LACTANCIA MATERNA
La leche materna es el mejor alimento para tu bebé.
Dale pecho de manera exclusiva los primeros 6 meses.
Pregunta en tu UMF por el grupo de apoyo.
---
¡Elimina los criaderos del mosco del dengue!
Lava, tapa, voltea y tira.
Si tienes fiebre, dolor de cabeza y dolor en articulaciones acude a tu unidad médica.
---
Te quiero mucho mamá
feliz día de las madres
de tu hija Lupita
---
Boleto de autobús
Origen: Terminal Central  Destino: Hospital General
Asiento {num}  Fecha {fecha}  Hora {hora}
Importe $ {precio}
---
PARROQUIA DE SAN JUDAS TADEO
Kermés a beneficio del templo
Domingo {fecha}
Antojitos, lotería, música en vivo
---
VOLANTE DE BUZÓN
Queja ( )  Sugerencia ( )  Reconocimiento ( )  Otro ( )
Nombre:
NSS:
Teléfono:
Correo electrónico:
Descripción:
---
Nombre ______________  NSS ___________
Teléfono ____________ Correo ____________
Queja  Sugerencia  Reconocimiento  Otro
Fecha y hora de recepción ________ Firma TAOD ______
---
Receta
Amoxicilina 500 mg una cápsula cada 8 horas por 7 días
Paracetamol 500 mg una tableta cada 6 horas si hay fiebre
Abundantes líquidos
---
PLAN DE ALIMENTACIÓN
Desayuno: 1 taza de avena con leche descremada, 1 fruta
Comida: verduras al vapor, 120 g de pollo, 2 tortillas
Cena: 1 vaso de leche, 2 galletas integrales
Nutrición UMF {umf}
---
AVISO
Por mantenimiento, el área de rayos X permanecerá cerrada el día {fecha}.
Disculpe las molestias.
La Dirección
---
Pase a especialidad
Unidad que envía: UMF {umf}
Unidad que recibe: HGZ {num}
Servicio: Oftalmología
Motivo de envío: disminución de agudeza visual
---
Se busca perrito perdido
responde al nombre de Firulais
color café, collar rojo
gratificación
tel {telefono}
---
Vendo Avon y Jafra
catálogo nuevo
pregunta por tus ofertas
{telefono}
---
Control de presión arterial
{fecha}  130/85
{fecha}  128/80
{fecha}  142/90
---
abcdefg hijk lmn
mi mama me ama
el oso come miel
Luis  1o A
---
Programa de Ejercicio para el Adulto Mayor
Lunes, miércoles y viernes 9:00 hrs
Patio de la UMF
Trae ropa cómoda y agua
---
Donación altruista de sangre
Dona sangre, dona vida.
Banco de sangre del Hospital General de Zona
Lunes a sábado de 7:00 a 10:00
---
Comprobante de pago
Referencia {folio}
Cuotas obrero patronales
Periodo {fecha}
Importe $ {precio}
---
Cuenta de la tienda
Doña Mary
refresco 2L  $ {precio}
pan  $ {precio}
debe $ {precio}
---
Aviso de privacidad simplificado
El Instituto Mexicano del Seguro Social es responsable del tratamiento de sus datos personales.
Sus datos serán utilizados para la atención de su petición.
---
TARJETA DE CONTROL DE DIABETES
Paciente {nombre}
Glucosa en ayunas: {num}
Peso: 78 kg  Talla 1.62
Próxima cita: {fecha}
---
Juego de gato
X O X
O X O
X
---
qwe rty asdf zzz 123 456 xx
---
CÁNCER DE MAMA
Autoexplórate cada mes.
Si tienes 40 años o más solicita tu mastografía en tu UMF.
Octubre, mes de la sensibilización.
---
Hoja de referencia y contrarreferencia
Diagnóstico: lumbalgia mecánica
Tratamiento: analgésico y reposo relativo
Se contrarrefiere a su UMF para control.
---
Tienda de abarrotes La Esperanza
Nota de venta {folio}
Cliente: mostrador
Total $ {precio}
---
Querido diario hoy fuimos al parque y comimos helado, mañana hay escuela
---
PAGO DE PENSIÓN
Recibo {folio}
Pensión por cesantía en edad avanzada
Importe neto $ {precio}
Periodo {fecha}
---
Reglamento de la guardería
Horario de entrada 7:00 a 8:30
Traer muda de ropa marcada
No se reciben niños con fiebre
---
RECIBO DE ESTACIONAMIENTO
Entrada {hora}
Placas ABC-{num}
Conserve su boleto
---
Oración a San Judas Tadeo
Glorioso apóstol, fiel siervo y amigo de Jesús...
---
CURSO DE PRIMEROS AUXILIOS
Centro de Seguridad Social
Inscripciones abiertas
Cupo limitado
---
Números de emergencia
Cruz Roja 065
Bomberos 911
Clínica {telefono}
---
7 + 5 = 12
9 x 3 = 27
15 - 8 = 7
---
PrevenIMSS
Revisión de salud para hombres de 20 a 59 años:
Presión arterial, glucosa, peso y talla, vacunas.
Solicítala en tu unidad.
---
Mi nombre es Daniela tengo 8 años me gusta dibujar y jugar con mi perro
---
Instrucciones para la toma de muestra de orina
Lave sus manos y genitales
Deseche el primer chorro
Recolecte en el frasco estéril
---
FELIZ CUMPLEAÑOS
Que la pases bonito
te queremos
---
SUBDELEGACIÓN {num}
Turno {num}
Ventanilla de afiliación
Espere su llamado en pantalla
---
Ficha {num}
Consulta externa turno vespertino
Fecha {fecha}
---
CONSENTIMIENTO INFORMADO
Yo {nombre} autorizo al personal médico del IMSS a realizar el procedimiento de
colecistectomía laparoscópica. Se me explicaron los riesgos y beneficios.
Firma del paciente ________  Testigo ________
---
JUSTIFICANTE
Se hace constar que el paciente {nombre} acudió a consulta el día {fecha}
de {hora} a 11:00 hrs. Se extiende para los fines que convengan.
Asistente médica UMF {umf}
---
Maestra buenos días, Juanito no fue ayer a la escuela porque tenía calentura,
lo llevé al seguro. Disculpe. Su mamá.
---
El IMSS inaugura nueva Unidad de Medicina Familiar en la colonia Las Flores
La unidad contará con 10 consultorios, laboratorio y farmacia, informó el delegado.
Se espera atender a más de 40 mil derechohabientes.
---
REQUISITOS PARA TRÁMITE DE PENSIÓN
Identificación oficial
CURP
Comprobante de domicilio
Estado de cuenta bancario
Número de Seguridad Social
---
DIRECTORIO
Dirección  ext. 101
Jefatura de enfermería  ext. 104
Trabajo social  ext. 110
Módulo de atención y orientación  ext. 115
---
REGLAMENTO DE VISITAS HOSPITALARIAS
Horario de 16:00 a 18:00 hrs
Un visitante por paciente
No se permite el ingreso de alimentos
Menores de 12 años no pueden ingresar
---
Hoja de enfermería
Hora  TA  FC  Temp
08:00 120/80 78 36.5
12:00 118/76 80 36.7
Observaciones: paciente tranquilo, tolera dieta
---
SOLICITUD DE EMPLEO
Nombre {nombre}
Puesto solicitado: auxiliar de limpieza
Escolaridad: secundaria
Experiencia: 3 años
---
Recordatorio de cita
Estimado derechohabiente, le recordamos su cita el {fecha} a las {hora} en el consultorio {num}.
En caso de no asistir favor de cancelar.
---
Receta de pastel de tres leches
1 lata de leche condensada, 1 de evaporada, 1 taza de leche
bizcocho de vainilla
---
Pásame la tarea de mate porfa, la de las fracciones. Te veo en el recreo
---
PLANILLA DE LOTERÍA
el gallo  la dama  el catrín  la sirena
el valiente  la muerte  la luna  el nopal
---
Vota este domingo
Tu voto cuenta
Participa en la consulta ciudadana
---
HOJA DE ALTA HOSPITALARIA
Fecha de ingreso {fecha}  Fecha de egreso {fecha}
Diagnóstico de egreso: neumonía adquirida en la comunidad
Indicaciones: reposo, continuar antibiótico 5 días, cita en UMF en 7 días
---
AVISO AL PERSONAL
Se les recuerda portar el uniforme completo y gafete durante la jornada.
Jefatura de personal
---
Encuesta de satisfacción del usuario
1. ¿El personal lo saludó?  Sí  No
2. ¿El tiempo de espera fue adecuado?  Sí  No
3. ¿Recomendaría esta unidad?  Sí  No
---
CONTROL PRENATAL
Semana de gestación {num}
Peso 64 kg  TA 110/70
Fondo uterino 24 cm  FCF 140
Próxima cita {fecha}
---
Para: mi amor
Eres lo más bonito que me ha pasado, te espero a la salida
---
Nota de remisión
Material eléctrico Hernández
3 focos LED  $ {precio}
1 extensión  $ {precio}
Total $ {precio}
---
Orden de mantenimiento {folio}
Área: baños planta baja
Falla: fuga en lavabo
Reportó: intendencia
Atendió: mantenimiento turno matutino
---
Capítulo 3
La célula es la unidad básica de la vida. Todas las células provienen de otras células.
---
Sábado
9 am fut de Memo
2 pm comida con los compadres
comprar hielo y carbón
---
Te invitamos a la plática
"Cuidados del recién nacido"
Sala de usos múltiples, jueves 10:00 hrs
Trabajo Social UMF {umf}
---
Hoja de registro de visitantes
Nombre  Hora de entrada  Hora de salida  Paciente
---
INSTITUTO MEXICANO DEL SEGURO SOCIAL
Dirección de Prestaciones Médicas
Oficio circular {folio}
Asunto: actualización del cuadro básico de medicamentos
---
Certificado de vacunación COVID-19
Nombre {nombre}
Primera dosis {fecha}  Segunda dosis {fecha}
---
Cuaderno de Luis  4o B
dictado: el perro corre en el campo, la vaca da leche
---
Credencial ADIMSS
{nombre}
NSS {nss}
UMF {umf}
---
SE SOLICITA PERSONAL
Ayudante general
Turno fijo, prestaciones de ley, IMSS desde el primer día
Presentarse con solicitud elaborada
---
Indicaciones para su estudio de ultrasonido abdominal
Ayuno de 8 horas
Presentarse 15 minutos antes
Traer su orden y carnet
---
NSS {nss}
{nombre}
{telefono}
---
firmas para la kermes del kinder
Sra. Lopez  Sra. Ortega  Sr. Daniel
---
Bitácora de limpieza de sanitarios
{hora} limpio  {hora} limpio  {hora} limpio
Responsable: intendencia
---
Horarios de atención
Medicina familiar matutino 8:00 a 14:00
Vespertino 14:00 a 20:00
Urgencias 24 horas
Laboratorio 7:00 a 10:00
---
Hola Pedro, ¿cómo estás? Aquí todos bien, mi mamá ya salió del hospital y está en la casa recuperándose.
Saludos a tu familia, te escribo pronto.
---
CUPÓN DE DESCUENTO
20% en lentes graduados
Óptica La Visión
presentando tu credencial del IMSS
---
Dibujo de mi casa
aqui vivo yo con mi perro y mi gato
---
GRUPO DE AYUDA MUTUA PARA DIABÉTICOS
Reuniones martes y jueves
Sala de juntas, 9:00 hrs
¡Te esperamos!
"""

# Items to build random shopping lists and notes (realistic non-petitions of the pile).
ARTICULOS = [
    "azucar",
    "frijol",
    "arroz",
    "aceite",
    "cloro",
    "detergente",
    "pan bimbo",
    "chiles",
    "cebolla",
    "pollo",
    "carne molida",
    "yogurt",
    "manzanas",
    "platanos",
    "queso",
    "crema",
    "jabon",
    "pañales",
    "toallitas",
    "pasta de dientes",
    "cafe",
    "galletas",
    "atun",
    "sal",
]
